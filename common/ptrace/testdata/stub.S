# The light trampoline (see stub.go): stop; set SIG_IGN for the signals in
# the ignore mask; install the seccomp filter that follows the code (when
# its length is not 0); then exec argv[1] with argv+2.
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
	mov ignore(%rip), %r15
	xor %ebp, %ebp
nextsig:
	cmp $64, %ebp
	je filter
	bt %rbp, %r15
	jnc skip
	mov $13, %eax
	lea 1(%rbp), %edi
	lea sigign(%rip), %rsi
	xor %edx, %edx
	mov $8, %r10d
	syscall
skip:
	inc %ebp
	jmp nextsig
filter:
	lea fprog(%rip), %r14
	cmpw $0, (%r14)
	je exec
	mov $317, %eax
	mov $1, %edi
	xor %esi, %esi
	mov %r14, %rdx
	syscall
	cmp $-13, %rax
	jne check
	mov $157, %eax
	mov $38, %edi
	mov $1, %esi
	xor %edx, %edx
	xor %r10d, %r10d
	xor %r8d, %r8d
	syscall
	mov $317, %eax
	mov $1, %edi
	xor %esi, %esi
	mov %r14, %rdx
	syscall
check:
	test %rax, %rax
	jne fail
exec:
	mov 8(%r12), %rdi
	lea 16(%r12), %rsi
	mov %r13, %rdx
	mov $59, %eax
	syscall
	mov $1, %edi
	mov $231, %eax
	syscall
fail:
	neg %eax
	mov %eax, %edi
	mov $231, %eax
	syscall
	.balign 8
sigign:
	.quad 1, 0, 0, 0
ignore:
	.quad 0
fprog:
