#!/usr/bin/env python3
"""Scans SVG or HTML for what could run script or read a local file when a
browser opens it. Standard library only (html.parser reads SVG as well:
it decodes entities in attribute values as a browser does, and keeps
namespace prefixes, which are stripped here).

    scan-markup.py [--forbid TEXT]... FILE...

Complains (one line each, "FILE: what") and exits 1 about:
  - an element script (any namespace), iframe, object, embed, frame,
    base or foreignObject;
  - an attribute whose name starts with "on" (event handlers);
  - a URL attribute (href, xlink:href, src, action, formaction, data,
    poster, background, ...) whose value, decoded as a browser would
    (entities, then percent-encoding, repeatedly; tabs, newlines and
    controls removed; leading spaces dropped; lower case), has a scheme
    other than http, https or mailto;
  - image, use or feImage elements that point outside the document (any
    reference but "#id" or a data:image);
  - a processing instruction other than <?xml ...?> (xml-stylesheet);
  - @import or url(...) to anything but "#id" in a style;
  - an attribute holding an absolute local path (file:, /etc/, /home/,
    /tmp/, /root/, /usr/, /var/, /proc/, /dev/, C:\\);
  - any TEXT given with --forbid (e.g. the path of a local image) in the
    bytes.
Exits 0 and prints nothing when no file has any; 1 when one has; 2 when a
FILE cannot be read.
"""
import html
import html.parser
import re
import sys
import urllib.parse

ALLOWED_SCHEMES = {"http", "https", "mailto"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster",
             "background", "codebase", "cite", "longdesc", "usemap",
             "srcset", "ping", "manifest", "icon", "lowsrc", "dynsrc"}
BAD_ELEMENTS = {"script", "iframe", "object", "embed", "frame", "frameset",
                "base", "foreignobject", "applet", "meta"}
REF_ELEMENTS = {"image", "use", "feimage", "img", "audio", "video",
                "source", "track", "input", "link"}
LOCAL_PATH = re.compile(
    r"(^|[\s\"'(,;=])(file:|/(etc|home|tmp|root|usr|var|proc|dev|srv|mnt|opt)/|"
    r"[A-Za-z]:\\)", re.I)
# attributes that hold the document's own text (tooltips), not references
TEXT_ATTRS = {"title", "aria-label", "alt", "content"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
CONTROLS_ONLY = re.compile(r"[\x00-\x1f\x7f]")
CONTROLS = re.compile(r"[\x00-\x20\x7f]+")


def decode_url(value):
    """The URL as a browser would finally see it, decoded more than a
    browser would (stricter): entities and percent-encoding until nothing
    changes, every control and space removed, lower case."""
    v = value
    for _ in range(8):
        w = urllib.parse.unquote(html.unescape(v))
        if w == v:
            break
        v = w
    return CONTROLS.sub("", v).lower()


def scheme_of(value):
    m = SCHEME.match(decode_url(value))
    return m.group(1) if m else None


def local(name):
    name = name.lower()
    return name.rsplit(":", 1)[-1]


class Scanner(html.parser.HTMLParser):
    def __init__(self, report):
        super().__init__(convert_charrefs=True)
        self.report = report
        self.in_style = False

    def check_style(self, text, where):
        t = decode_url(text)
        if "@import" in t:
            self.report("@import in %s" % where)
        for ref in re.findall(r"url\(([^)]*)\)", t):
            ref = ref.strip("'\" ")
            if not ref.startswith("#"):
                self.report("url(%s) in %s points outside the document"
                            % (ref, where))
        if "expression(" in t or "javascript:" in t:
            self.report("script in %s" % where)

    def handle_starttag(self, tag, attrs):
        el = local(tag)
        if el in BAD_ELEMENTS:
            if el == "meta" and not any(local(n) == "http-equiv" for n, _ in attrs):
                pass
            else:
                self.report("element <%s> at line %d" % (tag, self.getpos()[0]))
        if el == "style":
            self.in_style = True
        for name, value in attrs:
            an = local(name)
            value = value if value is not None else ""
            shown = CONTROLS_ONLY.sub(lambda m: "\\x%02x" % ord(m.group()),
                                      value[:80])
            where = "<%s %s=\"%s\"> at line %d" % (tag, name, shown,
                                                   self.getpos()[0])
            if an.startswith("on"):
                self.report("event-handler attribute %s" % where)
            if an in URL_ATTRS:
                s = scheme_of(value)
                if s is not None and s not in ALLOWED_SCHEMES:
                    if not (s == "data" and el in ("image", "img") and
                            decode_url(value).startswith("data:image/")
                            and "svg" not in decode_url(value)[:20]):
                        self.report("URL with scheme %s: %s" % (s, where))
                if el in REF_ELEMENTS and not value.strip().startswith("#") \
                        and not decode_url(value).startswith("data:image/"):
                    self.report("<%s> points outside the document: %s"
                                % (el, where))
            if an == "style":
                self.check_style(value, where)
            if an not in TEXT_ATTRS and LOCAL_PATH.search(html.unescape(value)):
                self.report("a local file path in %s" % where)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if local(tag) == "style":
            self.in_style = False

    def handle_endtag(self, tag):
        if local(tag) == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.check_style(data, "a <style> element")

    def handle_pi(self, data):
        d = data.strip().lower()
        if not (d.startswith("xml ") or d == "xml?" or d.startswith("xml?")):
            self.report("processing instruction <?%s> at line %d"
                        % (data[:80], self.getpos()[0]))


def scan(path, forbidden):
    """Prints each problem of one file; returns their number (-1 when the
    file cannot be read)."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        print("%s: cannot read: %s" % (path, e))
        return -1
    text = raw.decode("utf-8", errors="replace")
    problems = []
    report = problems.append
    for s in forbidden:
        if s and s in text:
            report("holds %r" % s)
    if re.search(r"<\?xml-stylesheet", text, re.I):
        report("an <?xml-stylesheet?> processing instruction")
    scanner = Scanner(report)
    scanner.feed(text)
    scanner.close()
    seen = set()
    for p in problems:
        if p not in seen:
            seen.add(p)
            print("%s: %s" % (path, p))
    return len(seen)


def main(argv):
    forbidden, files = [], []
    args = iter(argv[1:])
    for a in args:
        if a == "--forbid":
            forbidden.append(next(args, ""))
        else:
            files.append(a)
    if not files:
        sys.stderr.write("usage: scan-markup.py [--forbid TEXT]... FILE...\n")
        return 2
    status = 0
    for f in files:
        n = scan(f, forbidden)
        if n < 0:
            return 2
        if n > 0:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
