"""Writes a relgraph document as a Mermaid flowchart, for tests/bench/peers.sh.

    python3 to_mermaid.py IN.json > OUT.mmd

The same actors (label: name and note; a shape and colour per kind), links
(label; thick, plain or dotted line per status; no arrow when undirected)
and groups (nested subgraphs) as relgraph draws. Standard library only.
"""
import json
import sys

SHAPE = {"person": ("([", "])"), "organization": ("(", ")"),
         "company": ("[", "]"), "agency": ("[[", "]]"),
         "state": ("{{", "}}"), "group": (">", "]"), "event": ("{", "}"),
         "document": ("[/", "/]"), "system": ("[(", ")]"),
         "location": ("((", "))"), "other": ("[", "]")}
FILL = {"person": "#77AADD", "organization": "#99DDFF", "company": "#44BB99",
        "agency": "#EEDD88", "state": "#FFAABB", "group": "#EE8866",
        "event": "#BBCC33", "document": "#F4F4EC", "system": "#DDDDDD",
        "location": "#FFFFFF", "other": "#F7F7F7"}


def text(s):
    return (s.replace("&", "#amp;").replace('"', "#quot;")
            .replace("<", "#lt;").replace(">", "#gt;"))


def main(src):
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    actors = doc.get("actors", [])
    nid = {a["id"]: "n%d" % i for i, a in enumerate(actors)}
    names = {}
    for a in actors:
        names[a.get("name", a["id"])] = a["id"]
        for x in a.get("aliases", []):
            names[x] = a["id"]

    def ref(r):
        return nid[r] if r in nid else nid[names[r]]

    # JSON strings are YAML strings: the title may hold a colon
    out = ["---", "title: " + json.dumps(doc.get("title", "")), "---",
           "flowchart " + doc.get("layout", {}).get("direction", "LR")]
    for kind, fill in FILL.items():
        out.append("  classDef %s fill:%s,stroke:#666" % (kind, fill))

    def node(a, ind):
        kind = a.get("kind", "other")
        o, c = SHAPE.get(kind, SHAPE["other"])
        label = text(a.get("name", a["id"]))
        if "note" in a:
            label += "<br/><small>" + text(a["note"]) + "</small>"
        cls = kind if kind in FILL else "other"
        out.append('%s%s%s"%s"%s:::%s' % (ind, nid[a["id"]], o, label, c, cls))

    groups = doc.get("groups", [])
    children = {}
    for g in groups:
        children.setdefault(g.get("parent"), []).append(g)
    members = {}
    for a in actors:
        members.setdefault(a.get("group"), []).append(a)

    def group(g, ind):
        out.append('%ssubgraph %s["%s"]' % (ind, "g_" + g["id"].replace("-", "_"),
                                            text(g.get("label", g["id"]))))
        for c in children.get(g["id"], []):
            group(c, ind + "  ")
        for a in members.get(g["id"], []):
            node(a, ind + "  ")
        out.append(ind + "end")

    for g in children.get(None, []):
        group(g, "  ")
    for a in members.get(None, []):
        node(a, "  ")
    for ln in doc.get("links", []):
        status = ln.get("status", "reported")
        directed = ln.get("directed", True) is not False
        arrow = {"confirmed": "==", "alleged": "-.", "disputed": "-.",
                 "denied": "-."}.get(status, "--")
        head = ">" if directed else ("-" if arrow == "--" else arrow[0])
        if arrow == "-.":
            head = "->" if directed else "-"
        label = ln.get("label", "")
        mid = '|"%s"|' % text(label) if label else ""
        out.append("  %s %s%s%s %s" % (ref(ln["from"]), arrow, head, mid,
                                       ref(ln["to"])))
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
