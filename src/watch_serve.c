/* The live page's HTTP server (see watch_serve.h), on libmicrohttpd: a
 * thread per connection, bounded in number, memory (request headers
 * included) and idle time, so that a slow client or one that never reads
 * holds at most one bounded slot until its time runs out. Only six paths
 * are answered, from memory; anything else is 404 (no file is ever
 * read), and a Host that is not this server's loopback name or address
 * is refused (DNS rebinding). State: the last good chart, the last
 * state, a version number, under a mutex; a condition wakes the event
 * streams. */
#include "watch_serve.h"
#include "watch_rules.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Bounds of the server: connections at once, bytes per connection (the
 * request's headers must fit), seconds a connection may stay idle,
 * seconds between keep-alive comments on an event stream (under the
 * idle time, so that a listening page is never cut). */
enum {
    MAX_CONNECTIONS = 128,
    CONNECTION_MEMORY = 32 * 1024,
    IDLE_SECONDS = 10,
    KEEPALIVE_SECONDS = 4,
    THREAD_STACK = 256 * 1024
};

struct watch_server {
    struct MHD_Daemon *daemon;
    unsigned port;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned long version; /* of the last build; 0 before the first */
    int ok;                /* whether it was good */
    int closing;
    char *svg, *state;
    size_t svg_len, state_len;
};

/* One client of the event stream: the version it last heard of, and the
 * message being sent. */
typedef struct stream {
    watch_server *s;
    unsigned long seen;
    char msg[160];
    size_t len, off;
} stream;

static const char csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/* The next message of a stream: the build it has not heard of, or a
 * keep-alive comment after KEEPALIVE_SECONDS. Returns -1 when the server
 * closes. */
static int stream_next(stream *c)
{
    watch_server *s = c->s;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += KEEPALIVE_SECONDS;
    pthread_mutex_lock(&s->mu);
    while (!s->closing && s->version == c->seen)
        if (pthread_cond_timedwait(&s->cv, &s->mu, &until) == ETIMEDOUT)
            break;
    int rc = s->closing ? -1 : 0;
    if (rc == 0 && s->version != c->seen) {
        c->seen = s->version;
        snprintf(c->msg, sizeof(c->msg),
                 "event: build\ndata: {\"version\":%lu,\"ok\":%s}\n\n",
                 s->version, s->ok ? "true" : "false");
    } else {
        snprintf(c->msg, sizeof(c->msg), ": still here\n\n");
    }
    pthread_mutex_unlock(&s->mu);
    c->len = strlen(c->msg);
    c->off = 0;
    return rc;
}

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    stream *c = cls;
    (void)pos;
    if (c->off == c->len && stream_next(c) != 0)
        return MHD_CONTENT_READER_END_OF_STREAM;
    size_t n = c->len - c->off < max ? c->len - c->off : max;
    memcpy(buf, c->msg + c->off, n);
    c->off += n;
    return (ssize_t)n;
}

static void stream_free(void *cls)
{
    free(cls);
}

/* The headers every answer carries. */
static void harden(struct MHD_Response *r, const char *type)
{
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store");
}

static enum MHD_Result send_response(struct MHD_Connection *conn,
                                     unsigned code, struct MHD_Response *r,
                                     const char *type)
{
    if (r == NULL)
        return MHD_NO;
    harden(r, type);
    enum MHD_Result rc = MHD_queue_response(conn, code, r);
    MHD_destroy_response(r);
    return rc;
}

static enum MHD_Result send_bytes(struct MHD_Connection *conn, unsigned code,
                                  const void *data, size_t len,
                                  const char *type)
{
    return send_response(conn, code,
                         MHD_create_response_from_buffer(
                             len, (void *)data, MHD_RESPMEM_MUST_COPY),
                         type);
}

static enum MHD_Result send_text(struct MHD_Connection *conn, unsigned code,
                                 const char *text)
{
    return send_bytes(conn, code, text, strlen(text),
                      "text/plain; charset=utf-8");
}

/* The last good chart or the last state, copied under the lock. */
static enum MHD_Result send_current(struct MHD_Connection *conn,
                                    watch_server *s, int svg)
{
    pthread_mutex_lock(&s->mu);
    const char *data = svg ? s->svg : s->state;
    size_t len = svg ? s->svg_len : s->state_len;
    enum MHD_Result rc =
        data == NULL
            ? send_text(conn, MHD_HTTP_NOT_FOUND, "no chart yet\n")
            : send_bytes(conn, MHD_HTTP_OK, data, len,
                         svg ? "image/svg+xml"
                             : "application/json; charset=utf-8");
    pthread_mutex_unlock(&s->mu);
    return rc;
}

static enum MHD_Result send_stream(struct MHD_Connection *conn,
                                   watch_server *s)
{
    stream *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return MHD_NO;
    c->s = s;
    /* Tells the page how long to wait before it reconnects. */
    snprintf(c->msg, sizeof(c->msg), "retry: 1000\n\n");
    c->len = strlen(c->msg);
    struct MHD_Response *r = MHD_create_response_from_callback(
        MHD_SIZE_UNKNOWN, 256, stream_read, c, stream_free);
    if (r == NULL) {
        free(c);
        return MHD_NO;
    }
    return send_response(conn, MHD_HTTP_OK, r, "text/event-stream");
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn,
                              const char *url, const char *method,
                              const char *version, const char *upload_data,
                              size_t *upload_size, void **con_cls)
{
    watch_server *s = cls;
    (void)version, (void)upload_data, (void)con_cls;
    const char *host =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host");
    if (!watch_host_ok(host, s->port))
        return send_text(conn, 421, "refused: the Host must be "
                                    "127.0.0.1:PORT or localhost:PORT\n");
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return send_text(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
                         "only GET and HEAD\n");
    *upload_size = 0;
    if (strcmp(url, "/") == 0)
        return send_bytes(conn, MHD_HTTP_OK, watch_page_html,
                          watch_page_html_len, "text/html; charset=utf-8");
    if (strcmp(url, "/page.js") == 0)
        return send_bytes(conn, MHD_HTTP_OK, watch_page_js,
                          watch_page_js_len,
                          "text/javascript; charset=utf-8");
    if (strcmp(url, "/page.css") == 0)
        return send_bytes(conn, MHD_HTTP_OK, watch_page_css,
                          watch_page_css_len, "text/css; charset=utf-8");
    if (strcmp(url, "/chart.svg") == 0 || strcmp(url, "/state.json") == 0)
        return send_current(conn, s, url[1] == 'c');
    if (strcmp(url, "/events") == 0)
        return send_stream(conn, s);
    return send_text(conn, MHD_HTTP_NOT_FOUND, "not found\n");
}

/* The path is matched as sent, never unescaped: "/%00" would else be
 * "/" cut short by its NUL, and answered as the page. */
static size_t keep_escaped(void *cls, struct MHD_Connection *conn, char *s)
{
    (void)cls, (void)conn;
    return strlen(s);
}

watch_server *watch_serve_start(unsigned port, unsigned *bound, char *err,
                                size_t err_len)
{
    watch_server *s = calloc(1, sizeof(*s));
    if (s == NULL) {
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    s->daemon = MHD_start_daemon(
        MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
            MHD_USE_POLL,
        0, NULL, NULL, answer, s, MHD_OPTION_SOCK_ADDR, &addr,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
        MHD_OPTION_THREAD_STACK_SIZE, (size_t)THREAD_STACK,
        MHD_OPTION_UNESCAPE_CALLBACK, keep_escaped, NULL, MHD_OPTION_END);
    if (s->daemon == NULL) {
        snprintf(err, err_len, "cannot listen on 127.0.0.1:%u (%s)", port,
                 port ? "in use? pick another PORT, or 0 for a free one"
                      : "no free port");
        watch_serve_stop(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info != NULL ? info->port : port;
    *bound = s->port;
    return s;
}

void watch_serve_publish(watch_server *s, char *svg, size_t svg_len,
                         char *state, int ok)
{
    pthread_mutex_lock(&s->mu);
    if (svg != NULL) {
        free(s->svg);
        s->svg = svg;
        s->svg_len = svg_len;
    }
    free(s->state);
    s->state = state;
    s->state_len = state != NULL ? strlen(state) : 0;
    s->ok = ok;
    s->version++;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

void watch_serve_stop(watch_server *s)
{
    if (s == NULL)
        return;
    pthread_mutex_lock(&s->mu);
    s->closing = 1;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    if (s->daemon != NULL)
        MHD_stop_daemon(s->daemon);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    free(s->svg);
    free(s->state);
    free(s);
}
