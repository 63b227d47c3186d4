/* Replays files through a fuzz target without libFuzzer, so that the
 * regression corpus runs under the normal compiler (gcc) with ASan and
 * UBSan as part of `make check`:
 *
 *   replay-load FILE...      (or replay-render)
 *
 * Each file runs in a child process of its own, so that a crash, a
 * sanitizer report (including a leak, checked when the child exits) or a
 * hang (RG_REPLAY_TIMEOUT seconds, 60 by default) fails that file alone.
 * Prints "ok" or "FAIL" per file with -v, every failure always, and ends
 * with "NAME: P passed, F failed"; exits 1 when any failed. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int read_file(const char *path, uint8_t **out, size_t *out_len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (buf == NULL) {
            fclose(f);
            return -1;
        }
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        cap *= 2;
        uint8_t *nb = realloc(buf, cap);
        if (nb == NULL)
            free(buf);
        buf = nb;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        return -1;
    }
    /* An exact-size copy, so that ASan catches a read past the input. */
    uint8_t *exact = malloc(len ? len : 1);
    if (exact != NULL)
        memcpy(exact, buf, len);
    free(buf);
    if (exact == NULL)
        return -1;
    *out = exact;
    *out_len = len;
    return 0;
}

static int run_one(const char *path)
{
    uint8_t *data;
    size_t len;
    if (read_file(path, &data, &len) != 0) {
        fprintf(stderr, "cannot read %s: %s\n", path, strerror(errno));
        return 2;
    }
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/');
    name = name ? name + 1 : argv[0];
    int verbose = 0, first = 1;
    if (argc > 1 && strcmp(argv[1], "-v") == 0) {
        verbose = 1;
        first = 2;
    }
    const char *t = getenv("RG_REPLAY_TIMEOUT");
    unsigned timeout = t ? (unsigned)atoi(t) : 60;
    /* Start Graphviz once, before the children are forked. */
    if (LLVMFuzzerInitialize != NULL)
        LLVMFuzzerInitialize(&argc, &argv);
    fflush(NULL);
    int pass = 0, fail = 0;
    for (int i = first; i < argc; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 2;
        }
        if (pid == 0) {
            alarm(timeout);
            exit(run_one(argv[i]));
        }
        int st;
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
            ;
        if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
            pass++;
            if (verbose)
                printf("ok   %s\n", argv[i]);
        } else {
            fail++;
            if (WIFSIGNALED(st))
                printf("FAIL %s (%s)\n", argv[i],
                       WTERMSIG(st) == SIGALRM ? "timed out"
                                               : strsignal(WTERMSIG(st)));
            else
                printf("FAIL %s (exit status %d)\n", argv[i],
                       WEXITSTATUS(st));
        }
        fflush(stdout);
    }
    printf("%s: %d passed, %d failed\n", name, pass, fail);
    return fail ? 1 : 0;
}
