#!/usr/bin/env python3
"""Reads a timeline chart (SVG) back against its document and checks what
the chart promises: the ticks' x grows with their dates, evenly; each
dated link's connector and each event's mark stands within its dates on
that scale, and x grows with date from one item to a later one; a theme
line and a box for each actor in a dated link or with a date; undated
links right of the axis, in the band headed "Undated"; each link's label
and leader. Prints "ok ..." or "FAIL ..." lines; exits 1 on a failure.

    python3 check.py CHART.svg DOC.json ID-PREFIX
"""
import datetime
import json
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec"]
failed = 0


def say(good, what):
    global failed
    print(("ok   " if good else "FAIL ") + what)
    failed += not good


def day(y, m=1, d=1):
    return datetime.date(y, m, d).toordinal()


def span(s):
    """First and last day of YYYY, YYYY-MM or YYYY-MM-DD."""
    p = [int(v) for v in s.split("-")]
    if len(p) == 3:
        return day(*p), day(*p)
    if len(p) == 2:
        y, m = p
        nxt = day(y + (m == 12), m % 12 + 1)
        return day(y, m), nxt - 1
    return day(p[0]), day(p[0] + 1) - 1


def tick_day(text):
    p = text.split()
    if len(p) == 3:
        return day(int(p[2]), MONTHS.index(p[1]) + 1, int(p[0]))
    if len(p) == 2:
        return day(int(p[1]), MONTHS.index(p[0]) + 1)
    return day(int(p[0]))


def first_x(g):
    """x of an element: a path's start, a polygon's centre, an ellipse's,
    a text's anchor."""
    for el in g.iter():
        tag = el.tag.replace(SVG, "")
        if tag == "path":
            return float(re.match(r"M\s*(-?[\d.]+)", el.get("d")).group(1))
        if tag == "polygon":
            xs = [float(p.split(",")[0]) for p in el.get("points").split()]
            return (min(xs) + max(xs)) / 2
        if tag == "ellipse":
            return float(el.get("cx"))
        if tag == "text":
            return float(el.get("x"))
    return None


def main():
    svg_path, doc_path, prefix = sys.argv[1:4]
    raw = open(svg_path, encoding="utf-8").read()
    root = ET.fromstring(raw)
    doc = json.load(open(doc_path, encoding="utf-8"))
    by_id = {g.get("id"): g for g in root.iter(SVG + "g") if g.get("id")}

    def el(i):
        return by_id.get(prefix + i)

    # ticks: x and date both grow, and x is linear in the date
    ticks = []
    n = 0
    while el("tick-%d" % n) is not None:
        g = el("tick-%d" % n)
        label = el("tick-%d-label" % n)
        text = "".join(t.text or "" for t in label.iter(SVG + "text")).strip()
        ticks.append((tick_day(text), first_x(g), text))
        n += 1
    say(4 <= len(ticks) <= 13 or len(ticks) >= 2,
        "%d ticks (%s ... %s)" % (len(ticks), ticks[0][2] if ticks else "",
                                  ticks[-1][2] if ticks else ""))
    grows = all(a[0] < b[0] and a[1] < b[1] for a, b in zip(ticks, ticks[1:]))
    say(grows, "the ticks' x grows with their dates")
    (d0, x0, _), (d1, x1, _) = ticks[0], ticks[-1]
    scale = (x1 - x0) / (d1 - d0)

    def x_of(d):
        return x0 + (d - d0) * scale
    linear = all(abs(x_of(d) - x) < 1.0 for d, x, _ in ticks)
    say(linear, "x is proportional to time (ticks within 1 pt of a line)")

    actors = {a["id"]: a for a in doc["actors"]}
    ref = {}
    for a in doc["actors"]:  # a link names an actor by id, name or alias
        for r in [a.get("name")] + a.get("aliases", []):
            ref.setdefault(r, a["id"])
    ref.update({i: i for i in actors})
    for k in doc.get("links", []):
        k["from"], k["to"] = ref[k["from"]], ref[k["to"]]
    rows = {a["id"] for a in doc["actors"] if "date" in a}
    items = []  # (first day, last day, x, what)
    ids_seen = {}
    undated_x = []
    for k in doc.get("links", []):
        base = "link-%s--%s" % (k["from"], k["to"])
        ids_seen[base] = ids_seen.get(base, 0) + 1
        lid = base if ids_seen[base] == 1 else "%s-%d" % (base, ids_seen[base])
        dates = k.get("date") or actors[k["from"]].get("date") \
            or actors[k["to"]].get("date")
        g = el(lid)
        if dates is None:
            if g is not None:
                undated_x.append((first_x(g), lid))
            continue
        rows.update((k["from"], k["to"]))
        lo, hi = span(dates)
        if g is None:
            say(False, "the connector of %s is drawn" % lid)
            continue
        items.append((lo, hi, first_x(g), lid))
        if k.get("label"):
            say(el(lid + "-label") is not None and el(lid + "-leader") is not None,
                "%s has its label and leader" % lid)
    for a in doc["actors"]:
        if "date" in a:
            lo, hi = span(a["date"])
            g = el("event-mark-%s" % a["id"])
            say(g is not None, "event %s has its mark" % a["id"])
            if g is not None:
                items.append((lo, hi, first_x(g), "event-mark-%s" % a["id"]))
    # the links of one span are spread across it, at least 5 pt apart:
    # as many as do not fit stand beyond its ends, half on each side
    same = {}
    for lo, hi, x, w in items:
        if w.startswith("link-"):
            same[(lo, hi)] = same.get((lo, hi), 0) + 1

    def room(lo, hi):
        n = same.get((lo, hi), 0)
        return 1 + max(0, 5 * n - (x_of(hi + 1) - x_of(lo))) / 2
    within = [w for lo, hi, x, w in items
              if not x_of(lo) - room(lo, hi) <= x <= x_of(hi + 1) + room(lo, hi)]
    say(not within, "every dated item stands within its dates (%d items)%s"
        % (len(items), "; not: " + ", ".join(within[:5]) if within else ""))
    order = [(a[3], b[3]) for a in items for b in items
             if a[1] < b[0] and not a[2] < b[2]]
    say(not order, "x grows with date from item to item%s"
        % ("; not: %s before %s" % order[0] if order else ""))
    missing = [r for r in sorted(rows)
               if el("theme-line-%s" % r) is None or el("actor-%s" % r) is None]
    say(not missing, "a theme line and a box for each of %d actors%s"
        % (len(rows), "; missing: " + ", ".join(missing[:5]) if missing else ""))
    extra = [a for a in actors if a not in rows and el("theme-line-%s" % a)
             is not None and not [k for k in doc["links"]
                                  if a in (k["from"], k["to"])]]
    say(not extra, "no theme line for an actor without links or dates")
    if undated_x:
        band = el("timeline-undated")
        say(band is not None, "the undated band is headed")
        right = all(x > x1 for x, _ in undated_x)
        say(right, "%d undated links stand right of the axis" % len(undated_x))
    cls = all("actor" in (el("actor-%s" % r).get("class") or "").split()
              for r in rows if el("actor-%s" % r) is not None)
    say(cls, "the actors' boxes have the class actor")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
