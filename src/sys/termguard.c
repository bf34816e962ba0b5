/* termguard.c - the terminal given back on a fatal signal: see termguard.h. */
#include "termguard.h"

#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
static int guard_fd = -1, guard_stderr = -1;
static struct termios guard_modes;
static bool have_modes;
static char reset[256];
static size_t reset_len;
static volatile sig_atomic_t armed; /* as the handler may read it */

static void
on_fatal(int sig)
{
	if (armed) {
		armed = 0;
		if (reset_len > 0 && write(guard_fd, reset, reset_len) < 0) {
			/* nothing more can be done */
		}
		if (have_modes)
			tcsetattr(guard_fd, TCSANOW, &guard_modes);
		if (guard_stderr >= 0)
			dup2(guard_stderr, STDERR_FILENO);
		static const char msg[] = "\nunknot: crashed; the terminal was put back\n";
		if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
			/* as above */
		}
	}
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigaction(sig, &dfl, NULL);
	raise(sig); /* unblocked (SA_NODEFER): dies here, with a core where it would */
}

static void
install(void)
{
	/* a stack of its own: a stack overflow is a SIGSEGV too */
	static char altstack[64 * 1024];
	stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
	sigaltstack(&ss, NULL);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_ONSTACK | SA_NODEFER | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_LEN(fatal_signals); i++)
		sigaction(fatal_signals[i], &sa, NULL);
}

void
termguard_arm(int fd, const struct termios *modes, const char *bytes, size_t n, int stderr_fd)
{
	armed = 0;
	guard_fd = fd;
	have_modes = modes != NULL;
	if (modes)
		guard_modes = *modes;
	reset_len = n < sizeof reset ? n : sizeof reset - 1;
	if (reset_len)
		memcpy(reset, bytes, reset_len);
	guard_stderr = stderr_fd;
	install(); /* again each time: SA_RESETHAND undoes it once it ran */
	armed = 1;
}

void
termguard_disarm(void)
{
	armed = 0;
}
