/* The guard of a single render laid out in the relgraph command's own
 * process (see cli_guard.c). */
#ifndef RG_CLI_GUARD_H
#define RG_CLI_GUARD_H

/* From here until guard_end(), a crash (fatal signal), `timeout` seconds
 * passing or an exit() ends the process with status 3 and a message
 * naming `file`, the layout `engine` (NULL: "chosen") and, for the time
 * limit, `advice`. */
void guard_begin(const char *file, const char *engine, double timeout,
                 const char *advice);

/* Ends the guard: the timer is stopped and the signal actions restored. */
void guard_end(void);

#endif
