/* Process isolation: a job in a child process, the frames it answers
 * with, and the messages of a layout that did not end. */
#ifndef RG_ISOLATE_H
#define RG_ISOLATE_H

#include "job.h"

#include <stdint.h>

/* Frames on the pipe from a child: a header, then `len` bytes. Warnings
 * (Graphviz's messages, raw), then each output and RG_FR_DONE, or
 * RG_FR_ERROR with the message. */
enum { RG_FR_OUTPUT = 1, RG_FR_WARNINGS = 2, RG_FR_ERROR = 3, RG_FR_DONE = 4 };
typedef struct rg_frame {
    uint32_t type;
    uint32_t format;
    uint64_t len;
} rg_frame;

int rg_isolate__send_frame(int fd, uint32_t type, uint32_t format,
                           const char *data, size_t len);
/* Runs job j in this (child) process and sends its frames to out_fd.
 * Returns 0, or -1 after an error. */
int rg_isolate__serve_job(const rg_job *j, int out_fd);
/* What every child does first: UTC, and stderr to err_fd. */
void rg_isolate__child_setup(int err_fd);
/* How the frames so far end a job: 0 not yet, RG_FR_DONE or RG_FR_ERROR. */
int rg_isolate__frames_end(const rg_buf *in);
/* A monotonic clock, in seconds. */
double rg_isolate__now(void);

/* Runs job j in a child process of its own, killed after `timeout`
 * seconds. Returns 0 with j->n outputs in outs, or -1 with a diagnostic. */
int rg_isolate__run(const rg_job *j, double timeout, rg_output *outs,
                    rg_diags *diags);
/* Turns how a child's job ended (timed out, its wait status, its frames)
 * into outputs or diagnostics. Returns 0 when every output arrived. */
int rg_isolate__report_end(const rg_job *j, double timeout, int timed_out,
                           int status, const rg_buf *frames,
                           rg_output *outs, rg_diags *diags);

/* The messages of a layout that did not end, written into buf (at most
 * cap bytes with the NUL); each returns the length. rg_isolate__crash_text
 * and rg_isolate__exited_text may be called in a signal handler. */
#define RG_FATAL_TEXT_MAX 512
size_t rg_isolate__crash_text(char *buf, size_t cap, const char *engine,
                              int sig);
size_t rg_isolate__timeout_text(char *buf, size_t cap, const char *engine,
                                double timeout, const char *advice);
size_t rg_isolate__exited_text(char *buf, size_t cap, const char *engine);

#endif
