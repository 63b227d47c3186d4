"""Peer for tests/bench/peers.sh: the same chart drawn with networkx and
pygraphviz (Debian's python3-networkx and python3-pygraphviz).

    python3 nx_peer.py IN.json OUT.svg

Builds a networkx MultiDiGraph with the document's actors (label: name and
note, a shape and fill per kind), its links (label; line style per status)
and its groups as nested Graphviz clusters, converts it with
networkx.nx_agraph.to_agraph and lays it out with pygraphviz's dot
(newrank=true, as relgraph does, so that labelled edges in clusters are
safe). Only the standard library, networkx and pygraphviz are used.
"""
import json
import sys

import networkx as nx

SHAPE = {"person": ("ellipse", "#77AADD"), "organization": ("box", "#99DDFF"),
         "company": ("box", "#44BB99"), "agency": ("house", "#EEDD88"),
         "state": ("hexagon", "#FFAABB"), "group": ("octagon", "#EE8866"),
         "event": ("diamond", "#BBCC33"), "document": ("note", "#F4F4EC"),
         "system": ("cylinder", "#DDDDDD"), "location": ("circle", "#FFFFFF"),
         "other": ("box", "#F7F7F7")}
STYLE = {"confirmed": "bold", "reported": "solid", "alleged": "dashed",
         "disputed": "dashed", "denied": "dotted"}


def main(src, out):
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    actors = doc.get("actors", [])
    ids = {a["id"] for a in actors}
    names = {}
    for a in actors:
        names[a.get("name", a["id"])] = a["id"]
        for x in a.get("aliases", []):
            names[x] = a["id"]

    def ref(r):
        return r if r in ids else names[r]

    g = nx.MultiDiGraph()
    for a in actors:
        shape, fill = SHAPE.get(a.get("kind", "other"), SHAPE["other"])
        label = a.get("name", a["id"])
        if "note" in a:
            label += "\n" + a["note"]
        g.add_node(a["id"], label=label, shape=shape, style="filled",
                   fillcolor=fill, fontname="Helvetica", fontsize="11")
    for ln in doc.get("links", []):
        attrs = {"label": ln.get("label", ""), "fontsize": "9",
                 "style": STYLE.get(ln.get("status", "reported"), "solid")}
        if ln.get("directed", True) is False:
            attrs["dir"] = "none"
        g.add_edge(ref(ln["from"]), ref(ln["to"]), **attrs)

    agraph = nx.nx_agraph.to_agraph(g)
    agraph.graph_attr.update(rankdir=doc.get("layout", {}).get("direction", "LR"),
                             newrank="true", label=doc.get("title", ""),
                             labelloc="t", fontname="Helvetica")
    # groups as nested clusters, parents first
    groups = {gr["id"]: gr for gr in doc.get("groups", [])}
    members = {gid: [] for gid in groups}
    for a in actors:
        if "group" in a:
            members[a["group"]].append(a["id"])
    made = {}

    def cluster(gid):
        if gid in made:
            return made[gid]
        gr = groups[gid]
        parent = cluster(gr["parent"]) if "parent" in gr else agraph
        made[gid] = parent.add_subgraph(members[gid], name="cluster_" + gid,
                                        label=gr.get("label", gid))
        return made[gid]

    for gid in groups:
        cluster(gid)
    agraph.draw(out, format="svg", prog="dot")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
