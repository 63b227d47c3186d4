/* The decisions of relgraph watch that are plain logic, kept apart from
 * its sockets and inotify so that unit tests can drive them: which Host
 * header the live page's server answers (the loopback name or address
 * with its own port, nothing else: no DNS rebinding), and when a burst
 * of file events has settled into a build (watch_rules.c). Not public. */
#ifndef RG_WATCH_RULES_H
#define RG_WATCH_RULES_H

/* Whether `host` (a request's Host header, or NULL when it has none) is
 * "127.0.0.1:PORT" or "localhost:PORT" (any case) for the server's own
 * `port`; without ":PORT" only when the port is 80. */
int watch_host_ok(const char *host, unsigned port);

/* A burst of events becomes one build once no event has come for `quiet`
 * ms, or `most` ms after its first event whatever comes (a file written
 * without pause is still shown). Times are monotonic milliseconds. */
typedef struct watch_burst {
    long long first, last; /* of the pending burst */
    int pending;
} watch_burst;

/* Records an event at `now`. */
void watch_burst_event(watch_burst *b, long long now);
/* How many ms to wait before the pending burst is due: -1 when none is
 * pending, 0 when it is due now. */
long long watch_burst_wait(const watch_burst *b, long long now,
                           long long quiet, long long most);
/* Takes the due burst (its build starts): nothing pending after. */
void watch_burst_take(watch_burst *b);

#endif
