#ifndef AVANCE_CPROCESSCONTROL_SHIM_H
#define AVANCE_CPROCESSCONTROL_SHIM_H

// Linux process control Swift cannot do itself: prctl is variadic, and what a child must do
// between fork and exec has to be async-signal-safe C, with no Swift runtime in between.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

// Asks the kernel to send `signal` to this process when the thread that started it ends
// (PR_SET_PDEATHSIG): a PDF worker never outlives the avance that supervises it.
static inline int avance_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

// Starts `path` with `argv` and `envp` (both NULL-terminated) the way posix_spawn would,
// with one thing posix_spawn cannot do: the child asks the kernel to kill it (SIGKILL) when
// the calling thread ends, which includes avance dying however it dies (kill -9 too). The
// death signal survives the exec of an ordinary program such as pdftotext.
//
// Standard input, output and error are `in`, `out` and `err`, or /dev/null where -1; every
// other descriptor is closed at the exec; signal dispositions are the defaults and the mask
// is empty (what avance ignores or blocks, its child does not). Returns the child's process
// id, or -errno when it could not be started (the exec's own error included).
static inline pid_t avance_spawn_dying_with_parent(
    const char *path, char *const argv[], char *const envp[], int in, int out, int err
) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return -errno;
    sigset_t all, old;
    sigfillset(&all);
    // No handler of avance's may run in the child before the defaults are back.
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        int given[3] = {in, out, err};
        // First out of the way of 0, 1 and 2, so that no dup2 below clobbers another's source.
        for (int i = 0; i < 3; i++) {
            int fd = given[i] >= 0 ? given[i] : open("/dev/null", i == 0 ? O_RDONLY : O_WRONLY);
            if (fd < 0) goto failed;
            given[i] = fcntl(fd, F_DUPFD_CLOEXEC, 3);
            if (given[i] < 0) goto failed;
        }
        for (int i = 0; i < 3; i++) {
            if (dup2(given[i], i) < 0) goto failed;
        }
        // Everything else closes at the exec (the report pipe too, which is how the parent
        // learns that the exec worked).
        if (syscall(SYS_close_range, 3U, ~0U, 4U /* CLOSE_RANGE_CLOEXEC */) != 0) {
            long limit = sysconf(_SC_OPEN_MAX);
            for (int fd = 3; fd < (limit > 0 && limit < 65536 ? limit : 65536); fd++) {
                int flags = fcntl(fd, F_GETFD);
                if (flags >= 0) fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
            }
        }
        struct sigaction standard;
        standard.sa_handler = SIG_DFL;
        standard.sa_flags = 0;
        sigemptyset(&standard.sa_mask);
        for (int sig = 1; sig < NSIG; sig++) {
            if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &standard, 0);
        }
        if (prctl(PR_SET_PDEATHSIG, (unsigned long)SIGKILL, 0UL, 0UL, 0UL) != 0) goto failed;
        // The parent went before the line above: nobody would ever kill this child.
        if (getppid() != parent) _exit(127);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, 0);
        execve(path, argv, envp);
    failed:;
        int code = errno;
        while (write(report[1], &code, sizeof code) < 0 && errno == EINTR) {}
        _exit(127);
    }
    int forkError = errno;
    pthread_sigmask(SIG_SETMASK, &old, 0);
    close(report[1]);
    if (pid < 0) {
        close(report[0]);
        return -forkError;
    }
    int code = 0;
    ssize_t n;
    while ((n = read(report[0], &code, sizeof code)) < 0 && errno == EINTR) {}
    close(report[0]);
    if (n == (ssize_t)sizeof code) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        return -(code ? code : ECHILD);
    }
    return pid;
}

#endif
