/* The live page of relgraph watch --serve: a small HTTP server on
 * 127.0.0.1 (libmicrohttpd) that serves the page, the current chart, the
 * current state (diagnostics and relations, JSON) and a stream of build
 * events (Server-Sent Events), and nothing else. Part of the command,
 * not of the library. */
#ifndef RG_WATCH_SERVE_H
#define RG_WATCH_SERVE_H

#include <stddef.h>

typedef struct watch_server watch_server;

/* Starts the server on 127.0.0.1:`port` (0: a free port), in threads of
 * its own. Returns it, with the port bound in *bound, or NULL with why
 * in `err`. */
watch_server *watch_serve_start(unsigned port, unsigned *bound, char *err,
                                size_t err_len);

/* Publishes a build: `state` (JSON, taken) always; `svg` (taken) only
 * when the build is good (NULL keeps the last good chart). Every client
 * of the event stream hears of it. */
void watch_serve_publish(watch_server *s, char *svg, size_t svg_len,
                         char *state, int ok);

/* Ends every event stream, closes the server and frees it; NULL does
 * nothing. */
void watch_serve_stop(watch_server *s);

/* The page's files, embedded at build time (build/gen/watch_page.c,
 * made from src/watch_page.*). */
extern const unsigned char watch_page_html[], watch_page_js[],
    watch_page_css[];
extern const size_t watch_page_html_len, watch_page_js_len,
    watch_page_css_len;

#endif
