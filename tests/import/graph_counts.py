"""Counts the actors, links and groups a Cytoscape.js, JGF or d3 file
should make, from the format's own rules, and compares them with the
relgraph document imported from it (tests/import/graphs.sh):
    python3 graph_counts.py INPUT IMPORTED
Prints the counts; exits 1 with the difference when they differ."""
import json
import sys


def idt(v):
    return str(v) if isinstance(v, (str, int)) and not isinstance(v, bool) else None


def cytoscape(doc):
    els = doc if isinstance(doc, list) else doc["elements"]
    if isinstance(els, dict):
        els = ([dict(e, group=e.get("group", "nodes")) for e in els.get("nodes", [])] +
               [dict(e, group=e.get("group", "edges")) for e in els.get("edges", [])])
    els = [e for e in els if isinstance(e.get("data"), dict)]

    def is_edge(e):
        if "group" in e:
            return e["group"] == "edges"
        return "source" in e["data"] and "target" in e["data"]
    nodes, seen = [], set()
    for e in els:
        if not is_edge(e):
            i = idt(e["data"].get("id"))
            if i is not None and i in seen:
                continue
            seen.add(i)
            nodes.append(e)
    ids = {idt(n["data"].get("id")) for n in nodes} - {None}
    parents = {idt(n["data"].get("parent")) for n in nodes} & ids
    edges = [e["data"] for e in els if is_edge(e)]
    touched = {idt(d.get("source")) for d in edges} | {idt(d.get("target")) for d in edges}
    actors = {i for i in ids if i not in parents or i in touched}
    n_actors = len(actors) + sum(1 for n in nodes if idt(n["data"].get("id")) is None)
    links = set()
    for d in edges:
        s, t = idt(d.get("source")), idt(d.get("target"))
        if s in actors and t in actors:
            label = d.get("label", d.get("interaction", d.get("name")))
            links.add((s, t, label if isinstance(label, str) else None))
    parent_of = {idt(n["data"]["id"]): idt(n["data"].get("parent"))
                 for n in nodes if idt(n["data"].get("id")) is not None}
    return n_actors, len(links), len(parents), parent_of


def jgf(doc):
    graphs = [doc["graph"]] if isinstance(doc.get("graph"), dict) else doc["graphs"]
    actors = links = 0
    for gi, g in enumerate(graphs):
        nodes = g.get("nodes", {})
        keys = list(nodes) if isinstance(nodes, dict) else \
            [idt(n.get("id")) for n in nodes if idt(n.get("id")) is not None]
        keys = set(keys)
        actors += len(keys)
        seen = set()
        for e in g.get("edges", []):
            s, t = idt(e.get("source")), idt(e.get("target"))
            if s in keys and t in keys:
                label = e.get("label", e.get("relation"))
                directed = e.get("directed", g.get("directed", True))
                seen.add((s, t, label if isinstance(label, str) else None, directed))
        links += len(seen)
    return actors, links, len(graphs) if len(graphs) > 1 else 0, None


def d3(doc):
    nodes = doc["nodes"]
    by = {}
    for i, n in enumerate(nodes):
        by[str(i)] = i
    for i, n in enumerate(nodes):
        if idt(n.get("id")) is not None:
            by[idt(n["id"])] = i
    seen = set()
    for l in doc["links"]:
        ends = []
        for k in ("source", "target"):
            v = l.get(k)
            if isinstance(v, dict):
                v = v.get("id", v.get("index"))
            ends.append(by.get(idt(v)) if idt(v) is not None else None)
        if None not in ends:
            seen.add(tuple(ends))
    groups = {idt(n.get("group")) for n in nodes} - {None}
    return len(nodes), len(seen), len(groups) if len(groups) <= 12 else 0, None


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    out = json.load(open(sys.argv[2], encoding="utf-8"))
    if isinstance(doc, list) or "elements" in doc:
        want = cytoscape(doc)
    elif "graph" in doc or "graphs" in doc:
        want = jgf(doc)
    else:
        want = d3(doc)
    got = (len(out.get("actors", [])), len(out.get("links", [])),
           len(out.get("groups", [])))
    if want[:3] != got:
        print("expected %d actors, %d links, %d groups; the import has %d, %d, %d"
              % (want[:3] + got))
        return 1
    # Cytoscape: each child is in the group its parent became.
    if want[3]:
        gid = {}
        for g in out.get("groups", []):
            gid.setdefault(g["label"], g["id"])
        for a in out["actors"]:
            p = want[3].get(a.get("name"))
            if p and a.get("group") is None:
                print("actor %s is in no group; its parent is %s" % (a["id"], p))
                return 1
    print("%d actors, %d links, %d groups" % got)
    return 0


sys.exit(main())
