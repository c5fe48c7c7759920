# The light trampoline (see stub.go): stop, then exec argv[1] with argv+2.
# Assembled by TestStubMatchesAssembler with GNU as; stubCode holds the bytes.
	.globl _start
_start:
	mov (%rsp), %rbx
	lea 8(%rsp), %r12
	lea 16(%rsp,%rbx,8), %r13
	mov $39, %eax
	syscall
	mov %eax, %edi
	mov $19, %esi
	mov $62, %eax
	syscall
	mov 8(%r12), %rdi
	lea 16(%r12), %rsi
	mov %r13, %rdx
	mov $59, %eax
	syscall
	mov $1, %edi
	mov $231, %eax
	syscall
