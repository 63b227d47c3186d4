#!/usr/bin/env python3
"""Checks relgraph's data exports of one document against the document.

    check.py DOC.json DIR STEM

DIR/STEM.graphml, .gexf, .cyjs, .csv, -actors.csv, -sources.csv,
-groups.csv and .stix.json were written from DOC.json by relgraph. Checks,
one line each ("ok WHAT" or "FAIL WHAT: why"):
  - GraphML read by networkx: as many nodes and edges as actors and
    links; each node's name and kind, each edge's ends and label; yEd's
    namespace and one y:ShapeNode an actor;
  - GEXF read by networkx: the same, and each node's viz:position equal
    to the Cytoscape.js position (y mirrored);
  - CSV tables read by the csv module: the header exactly relgraph's
    columns, a row a record, the cells equal to the document's values
    (lists joined with ';', formula guards dropped by the reader's rule);
    no cell that a spreadsheet would run;
  - the STIX bundle: JSON, every object's id unique, every reference to
    an object of the bundle, a relationship a link of kept actors.
The document is read as JSON; links name actors by id (the test documents
do). Exits 1 when a check failed; prints "skip" lines when networkx is
missing.
"""
import csv
import json
import os
import re
import sys

doc_path, out, stem = sys.argv[1:4]
doc = json.load(open(doc_path, encoding="utf-8"))
actors = doc.get("actors", [])
links = doc.get("links", [])
names = {}
for a in actors:
    names[a["id"]] = a["id"]
    names[a.get("name", a["id"])] = a["id"]
    for al in a.get("aliases", []):
        names[al] = a["id"]
failed = 0


def report(ok, what, why=""):
    global failed
    if ok:
        print("ok   %s" % what)
    else:
        failed += 1
        print("FAIL %s: %s" % (what, why))


def path(suffix):
    return os.path.join(out, stem + suffix)


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def end(ref):
    return names.get(ref, ref)


def check_graph(g, what):
    report(g.number_of_nodes() == len(actors) and
           g.number_of_edges() == len(links),
           what + ": nodes and edges",
           "%d nodes, %d edges; the document has %d actors, %d links" %
           (g.number_of_nodes(), g.number_of_edges(), len(actors), len(links)))
    bad = [a["id"] for a in actors
           if a["id"] not in g.nodes or
           g.nodes[a["id"]].get("name") != a.get("name", a["id"]) or
           g.nodes[a["id"]].get("kind") != a.get("kind", "other")]
    report(not bad, what + ": every actor's name and kind", str(bad[:5]))
    got = sorted((u, v, d.get("label", "")) for u, v, d in g.edges(data=True))
    want = sorted((end(k["from"]), end(k["to"]), k.get("label", ""))
                  for k in links)
    report(got == want, what + ": every link's ends and label",
           str([x for x in want if x not in got][:3]))


def networkx_checks(cy_pos):
    try:
        import networkx as nx
    except ImportError:
        print("skip networkx: python3-networkx is not installed")
        return
    text = open(path(".graphml"), encoding="utf-8").read()
    report('xmlns:y="http://www.yworks.com/xml/graphml"' in text and
           text.count("<y:ShapeNode>") == len(actors),
           "GraphML: yEd's namespace and a y:ShapeNode an actor")
    check_graph(nx.read_graphml(path(".graphml")), "GraphML")
    g = nx.read_gexf(path(".gexf"))
    check_graph(g, "GEXF")
    bad = []
    for n, d in g.nodes(data=True):
        p = d.get("viz", {}).get("position")
        c = cy_pos.get(n)
        if p is None or c is None or abs(p["x"] - c[0]) > 0.01 or \
                abs(-p["y"] - c[1]) > 0.01:
            bad.append(n)
    report(not bad, "GEXF: positions are the layout's", str(bad[:5]))


FORMULA = re.compile(r"^[=+\-@\t\r]")
NUMBER = re.compile(r"^[+-]?[0-9]+(\.[0-9]*)?$")


def unguard(cell):
    """The reader's rule of graphs/README.md."""
    rest = cell[1:].lstrip("'")
    if cell.startswith("'") and FORMULA.match(rest) and not NUMBER.match(cell[1:]):
        return cell[1:]
    return cell


def text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ";".join(v)
    return str(v)


def csv_table(suffix, columns, records, value):
    what = "CSV %s" % suffix
    with open(path(suffix), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    report(rows and rows[0] == columns, what + ": the columns", str(rows[:1]))
    report(len(rows) - 1 == len(records), what + ": a row a record",
           "%d rows, %d records" % (len(rows) - 1, len(records)))
    unsafe = [c for r in rows[1:] for c in r
              if FORMULA.match(c) and not NUMBER.match(c)]
    report(not unsafe, what + ": no cell a spreadsheet would run", str(unsafe[:3]))
    bad = []
    for r, rec in zip(rows[1:], records):
        for col, cell in zip(columns, r):
            want = value(rec, col)
            if want is not None and unguard(cell) != want:
                bad.append((col, cell, want))
    report(not bad, what + ": every cell the document's value", str(bad[:3]))


def link_value(k, col):
    if col in ("from", "to"):
        return end(k[col])
    if col == "directed":
        return text(k.get("directed", True))
    if col == "status":
        return k.get("status", "reported")
    return text(k.get(col))


def actor_value(a, col):
    if col == "kind":
        return a.get("kind", "other")
    if col == "name":
        return a.get("name", a["id"])
    return text(a.get(col))


def csv_checks():
    csv_table(".csv", ["from", "to", "label", "kind", "status", "directed",
                       "date", "until", "source", "quote", "claimed_by",
                       "disputed_by", "url", "confidence", "credibility",
                       "tlp", "stix_id"],
              links, link_value)
    csv_table("-actors.csv", ["id", "name", "kind", "aliases", "group", "note",
                              "date", "until", "url", "source", "tags",
                              "confidence", "credibility", "tlp",
                              "stix_id"],
              actors, actor_value)
    csv_table("-sources.csv", ["id", "title", "publisher", "date", "url",
                               "reliability", "tlp", "stix_id"],
              doc.get("sources", []), lambda s, c: text(s.get(c)))
    csv_table("-groups.csv", ["id", "label", "parent"],
              doc.get("groups", []), lambda g, c: text(g.get(c)))


def refs(o):
    for k, v in o.items():
        if k.endswith("_ref") and isinstance(v, str):
            yield v
        elif k.endswith("_refs") and isinstance(v, list):
            yield from v


def stix_checks():
    bundle = json.load(open(path(".stix.json"), encoding="utf-8"))
    objs = bundle.get("objects", [])
    ids = [o["id"] for o in objs]
    report(len(ids) == len(set(ids)), "STIX: ids unique")
    dangling = [r for o in objs for r in refs(o) if r not in set(ids)]
    report(not dangling, "STIX: every reference in the bundle", str(dangling[:3]))
    left_out = {a["id"] for a in actors
                if a.get("kind") in ("indicator", "observation")}
    kept = [k for k in links
            if end(k["from"]) not in left_out and end(k["to"]) not in left_out]
    rels = [o for o in objs if o["type"] == "relationship"]
    report(len(rels) == len(kept), "STIX: a relationship a link kept",
           "%d relationships, %d links" % (len(rels), len(kept)))
    for a in actors:
        sid = a.get("stix_id")
        if sid:
            report(sid in ids, "STIX: %s keeps its stix_id" % a["id"])


cy = json.load(open(path(".cyjs"), encoding="utf-8"))["elements"]
cy_pos = {n["data"]["id"]: (n["position"]["x"], n["position"]["y"])
          for n in cy["nodes"]}
networkx_checks(cy_pos)
csv_checks()
stix_checks()
print("check.py: %s" % ("failed" if failed else "passed"))
sys.exit(1 if failed else 0)
