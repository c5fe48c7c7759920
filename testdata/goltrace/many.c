/* A workload for speed comparisons: 20000 traced library calls. */
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	volatile size_t n = 0;
	int calls = argc > 1 ? atoi(argv[1]) : 10000;
	for (int i = 0; i < calls; i++) {
		n += strlen(argv[0]);
		n += (size_t)getenv("HOME");
	}
	return n == 0;
}
