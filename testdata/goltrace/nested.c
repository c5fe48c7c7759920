/* A callback in the main program that calls library functions from
 * inside qsort: nested calls with -x, and a crash on request. */
#include <stdlib.h>
#include <string.h>

int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	char *v[] = {"pear", "apple", "fig"};
	qsort(v, 3, sizeof v[0], cmp);
	if (argc > 1 && strcmp(argv[1], "segv") == 0) {
		volatile char *p = NULL;
		*p = 1;
	}
	if (argc > 1 && strcmp(argv[1], "abort") == 0)
		abort();
	return 0;
}
