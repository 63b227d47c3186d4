#!/usr/bin/env python3
"""Converts a d3 force-layout sample (nodes with "name" and "group", links
with "source", "target" and "value" as indices) into a relgraph document:
each node an actor of kind person, each link an undirected link. The d3
"group" numbers are a colouring, not boxes: with --groups they become
relgraph groups "g1", "g2", ...

usage: miserables.py D3.json [--groups] > doc.json"""
import json
import sys


def convert(d3, groups):
    nodes = d3["nodes"]
    doc = {"relgraph": 1,
           "title": "Les Misérables: characters who appear together",
           "description": "Characters of Victor Hugo's novel linked when "
                          "they appear in the same chapter (the d3 sample "
                          "of Donald Knuth's data).",
           "actors": [], "links": []}
    if groups:
        doc["groups"] = [{"id": f"g{n}", "label": f"group {n}"}
                         for n in sorted({x["group"] for x in nodes})]
    for i, n in enumerate(nodes):
        a = {"id": f"a{i}", "name": n["name"], "kind": "person"}
        if groups:
            a["group"] = f"g{n['group']}"
        doc["actors"].append(a)
    for link in d3["links"]:
        doc["links"].append({"from": f"a{link['source']}",
                             "to": f"a{link['target']}",
                             "directed": False,
                             "status": "confirmed"})
    return doc


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3) or sys.argv[2:] not in ([], ["--groups"]):
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        d3 = json.load(f)
    json.dump(convert(d3, len(sys.argv) == 3), sys.stdout, indent=1,
              ensure_ascii=False)
    sys.stdout.write("\n")
