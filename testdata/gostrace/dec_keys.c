/* Key management calls with results that do not depend on key serial
 * numbers (which are random): failures on missing keys, a bad key
 * type, the request-key default keyring. */
#include <linux/keyctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char buf[16];
	syscall(SYS_add_key, "nosuchtype", "dec-key", "secret", 6, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_request_key, "user", "nonexistent", NULL, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_request_key, "user", "nonexistent", "callout", KEY_SPEC_THREAD_KEYRING);
	syscall(SYS_keyctl, KEYCTL_READ, 12345, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, 12345, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_SETPERM, 12345, 0x3f010000);
	syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_PROCESS_KEYRING, "user", "nonexistent", 0);
	syscall(SYS_keyctl, KEYCTL_LINK, 12345, KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_CHOWN, 12345, -1, 0);
	syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, 12345, 60);
	syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE);
	syscall(SYS_keyctl, KEYCTL_REVOKE, 12345);
	return 0;
}
