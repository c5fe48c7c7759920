/* mmap with every kind of type and flag value: MAP_FILE, unknown types and bits, unknown prot bits. */
#include <sys/syscall.h>
#include <unistd.h>
int main(){ long f[] = {0, 0x20, 0x4, 0xf, 0x1000000, 0x12, 0x3}; long p[] = {0x40, 0x41, 0, 0x1000000, 0x7}; for (int i=0;i<7;i++) syscall(SYS_mmap, 0, 4096, 1, f[i], -1, 0); for (int i=0;i<5;i++) syscall(SYS_mmap, 0, 4096, p[i], 0x22, -1, 0); return 0; }
