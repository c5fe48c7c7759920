#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int cmp(const void*a,const void*b){return *(int*)a-*(int*)b;}
int main(int argc,char**argv){
  puts("hello");
  char *p = malloc(32);
  strcpy(p, "world\n\t");
  printf("%s %d\n", p, (int)strlen(p));
  free(p);
  int v[4]={3,1,2,0};
  qsort(v,4,sizeof(int),cmp);
  char *e = getenv("HOME");
  FILE *f = fopen("/etc/hostname","r");
  char buf[64];
  if (f) { size_t n = fread(buf,1,sizeof buf,f); fclose(f); }
  return 3;
}
