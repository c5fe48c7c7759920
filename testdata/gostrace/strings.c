#include <unistd.h>
int main(){ write(1,"a\tb\n\"\\\0011\0019\033x\177\200\377 ",16); write(1,"plain text\n",11); write(1,"abcdefghijklmnopqrstuvwxyz0123456789ABCDEF",42); return 0;}
