/* The plain logic of relgraph watch (see watch_rules.h): the Host check
 * of the live page's server and the settling of bursts of file events.
 * No state beyond the caller's. */
#include "watch_rules.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Whether `s` is exactly the decimal `port` (no sign, no leading zero). */
static int is_port(const char *s, unsigned port)
{
    if (*s == '\0' || (*s == '0' && s[1] != '\0') || strlen(s) > 5)
        return 0;
    unsigned v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        v = v * 10 + (unsigned)(*s - '0');
    }
    return v == port;
}

int watch_host_ok(const char *host, unsigned port)
{
    static const char *const names[] = {"127.0.0.1", "localhost"};
    if (host == NULL)
        return 0;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        size_t n = strlen(names[i]);
        if (strncasecmp(host, names[i], n) != 0)
            continue;
        if (host[n] == '\0')
            return port == 80;
        if (host[n] == ':')
            return is_port(host + n + 1, port);
    }
    return 0;
}

void watch_burst_event(watch_burst *b, long long now)
{
    if (!b->pending)
        b->first = now;
    b->last = now;
    b->pending = 1;
}

long long watch_burst_wait(const watch_burst *b, long long now,
                           long long quiet, long long most)
{
    if (!b->pending)
        return -1;
    long long due = b->last + quiet;
    if (due > b->first + most)
        due = b->first + most;
    return due > now ? due - now : 0;
}

void watch_burst_take(watch_burst *b)
{
    b->pending = 0;
}
