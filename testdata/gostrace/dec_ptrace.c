/* A small tracer: the child asks to be traced and stops itself; the
 * parent sets options, reads and writes a word, asks for the stop's
 * siginfo and event message, and lets the child run to its exit. */
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

static long word = 0x1122334455667788;

int main(void)
{
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL); /* no SIGCHLD racing the trace */
	pid_t child = fork();
	if (child == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		raise(SIGSTOP);
		_exit(word == 42 ? 0 : 1);
	}
	int st;
	waitpid(child, &st, 0);
	ptrace(PTRACE_SETOPTIONS, child, NULL, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXIT);
	ptrace(PTRACE_PEEKDATA, child, &word, NULL);
	ptrace(PTRACE_POKEDATA, child, &word, (void *) 42);
	siginfo_t si;
	ptrace(PTRACE_GETSIGINFO, child, NULL, &si);
	unsigned long msg;
	ptrace(PTRACE_GETEVENTMSG, child, NULL, &msg);
	ptrace(PTRACE_CONT, child, NULL, 0);
	waitpid(child, &st, 0);
	ptrace(PTRACE_GETEVENTMSG, child, NULL, &msg);
	ptrace(PTRACE_CONT, child, NULL, 0);
	waitpid(child, &st, 0);
	ptrace(PTRACE_CONT, 999999, NULL, SIGTERM);
	return WEXITSTATUS(st);
}
