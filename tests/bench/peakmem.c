/* Runs one command and reports its wall time and peak memory.
 *
 *   peakmem [-i IN] [-o OUT] [-e ERR] [-C DIR] [-t] -- COMMAND [ARG]...
 *
 * The command's standard input, output and error go to IN, OUT and ERR
 * (default /dev/null for all three). peakmem prints one line on its own
 * standard output:
 *
 *   <wall seconds> <peak RSS in KiB> <exit status>
 *
 * Wall time is CLOCK_MONOTONIC from just before fork() to the return of
 * wait4(); peak RSS is ru_maxrss of that child as wait4() reports it (the
 * child itself, not processes it starts; with -t, the largest of the
 * child and the processes it started and waited for, such as the layout
 * worker of relgraph render). The exit status is the child's,
 * or 128+signal. peakmem exits 0 when it could run the command. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int redirect(const char *path, int fd, int flags)
{
    int f = open(path, flags, 0666);
    if (f < 0 || dup2(f, fd) < 0)
        return -1;
    if (f != fd)
        close(f);
    return 0;
}

int main(int argc, char **argv)
{
    const char *in = "/dev/null", *outp = "/dev/null", *errp = "/dev/null";
    const char *dir = NULL;
    int i = 1, tree = 0;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "-t") == 0) {
            tree = 1;
            continue;
        }
        if (i + 1 >= argc)
            break;
        if (strcmp(argv[i], "-i") == 0)
            in = argv[++i];
        else if (strcmp(argv[i], "-o") == 0)
            outp = argv[++i];
        else if (strcmp(argv[i], "-e") == 0)
            errp = argv[++i];
        else if (strcmp(argv[i], "-C") == 0)
            dir = argv[++i];
        else
            break;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: peakmem [-i IN] [-o OUT] [-e ERR] [-C DIR] "
                        "[-t] -- COMMAND [ARG]...\n");
        return 2;
    }
    fflush(NULL);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("peakmem: fork");
        return 1;
    }
    if (pid == 0) {
        if (redirect(in, 0, O_RDONLY) != 0 ||
            redirect(outp, 1, O_WRONLY | O_CREAT | O_TRUNC) != 0 ||
            redirect(errp, 2, O_WRONLY | O_CREAT | O_TRUNC) != 0 ||
            (dir != NULL && chdir(dir) != 0))
            _exit(126);
        execvp(argv[i], argv + i);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("peakmem: wait4");
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) +
                  (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    int code = WIFEXITED(status) ? WEXITSTATUS(status)
               : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 255;
    long peak = ru.ru_maxrss;
    struct rusage all;
    /* The descendants' figure covers the child too (it is the largest of
     * the waited-for processes of the tree). */
    if (tree && getrusage(RUSAGE_CHILDREN, &all) == 0 && all.ru_maxrss > peak)
        peak = all.ru_maxrss;
    printf("%.6f %ld %d\n", wall, peak, code);
    return 0;
}
