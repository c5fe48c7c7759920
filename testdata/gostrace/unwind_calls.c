/* Stack traces (-k): nested and recursive calls, a signal handler, a
 * vDSO fallback call, C++-mangled names (given by asm labels), a clone
 * suffix, a failing and a successful execve. */
#include <signal.h>
#include <time.h>
#include <unistd.h>

__attribute__((noinline)) void level3(void) { getpid(); }
__attribute__((noinline)) static void level2(void) { level3(); __asm__ volatile(""); }
__attribute__((noinline)) void level1(void) { level2(); __asm__ volatile(""); }

__attribute__((noinline)) static int deep(int n)
{
	if (n == 0)
		return write(1, "deep\n", 5);
	return deep(n - 1) + 1;
}

static void handler(int sig)
{
	(void)sig;
	write(1, "handler\n", 8);
}

/* foo::bar(int, char) */
__attribute__((noinline)) void method(int, char) __asm__("_ZN3foo3barEic");
__attribute__((noinline)) void method(int a, char b) { close(-1 - a - b); }

/* double twice<double>(double) */
__attribute__((noinline)) double twice(double) __asm__("_Z5twiceIdET_S0_");
__attribute__((noinline)) double twice(double x) { close(-2); return x + x; }

/* work() [clone .part.0] */
__attribute__((noinline)) void part(void) __asm__("_Z4workv.part.0");
__attribute__((noinline)) void part(void) { close(-3); }

__attribute__((noinline)) static void callback(void (*f)(void)) { f(); __asm__ volatile(""); }

int main(void)
{
	struct timespec ts;

	level1();
	deep(5);
	signal(SIGUSR1, handler);
	raise(SIGUSR1);
	/* A clock the vDSO does not know: the vDSO makes the call. */
	clock_getres(CLOCK_PROCESS_CPUTIME_ID, &ts);
	method(1, 2);
	twice(1.5);
	callback(part);
	deep(300);
	execl("/nonexistent/prog", "prog", (char *)0);
	execl("/bin/true", "true", (char *)0);
	return 1;
}
