#!/usr/bin/env python3
"""Checks in a relgraph SVG that every group box holds exactly its members.

usage: members.py CHART.svg DOC.json

Each group box (<g class="cluster group group-ID">) must hold, whole, the
shape of every actor of the group or of a group nested in it, and must not
touch the shape of any other actor. An actor's group is its class
"group-ID"; the nesting comes from the document's "parent" keys. A chart
that draws no group boxes passes only when its actors still carry their
groups' classes (the group is said, not drawn). Prints one line per fault
and exits 1 when there is any, 0 otherwise."""
import json
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
NUM = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")
SLACK = 0.5  # points: Graphviz rounds coordinates to 2 decimals


def css(s):
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-"
                   for c in s)


def classes(el):
    return (el.get("class") or "").split()


def box_of(el):
    """The bounding box of the shapes drawn directly in el (not text)."""
    xs, ys = [], []
    for sh in el.iter():
        tag = sh.tag.replace(SVG, "")
        if tag in ("polygon", "polyline"):
            nums = [float(n) for n in NUM.findall(sh.get("points", ""))]
        elif tag == "path":
            nums = [float(n) for n in NUM.findall(sh.get("d", ""))]
        elif tag == "ellipse":
            cx, cy = float(sh.get("cx")), float(sh.get("cy"))
            rx, ry = float(sh.get("rx")), float(sh.get("ry"))
            nums = [cx - rx, cy - ry, cx + rx, cy + ry]
        else:
            continue
        xs += nums[0::2]
        ys += nums[1::2]
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def inside(a, b):
    return (a[0] >= b[0] - SLACK and a[1] >= b[1] - SLACK and
            a[2] <= b[2] + SLACK and a[3] <= b[3] + SLACK)


def apart(a, b):
    return (a[2] <= b[0] + SLACK or b[2] <= a[0] + SLACK or
            a[3] <= b[1] + SLACK or b[3] <= a[1] + SLACK)


def ancestors(doc):
    """class name of a group -> class names of it and every group above."""
    parent = {css(g["id"]): css(g["parent"]) if g.get("parent") else None
              for g in doc.get("groups", [])}
    out = {}
    for g in parent:
        chain, p = [], g
        while p is not None and p not in chain:
            chain.append(p)
            p = parent.get(p)
        out[g] = chain
    return out


def main(svg_path, doc_path):
    with open(doc_path, encoding="utf-8") as f:
        up = ancestors(json.load(f))
    root = ET.parse(svg_path).getroot()
    boxes, actors = {}, []
    for g in root.iter(SVG + "g"):
        cl = classes(g)
        tok = [c[6:] for c in cl if c.startswith("group-")]
        if "cluster" in cl and "group" in cl and tok:
            boxes[tok[0]] = box_of(g)
        elif "node" in cl and "actor" in cl:
            title = g.find(SVG + "title")
            name = title.text if title is not None else g.get("id")
            actors.append((name, up.get(tok[0], []) if tok else [],
                           box_of(g), bool(tok)))
    faults = []
    for gid, gbox in sorted(boxes.items()):
        for name, groups, abox, _ in actors:
            if abox is None or gbox is None:
                continue
            if gid in groups and not inside(abox, gbox):
                faults.append(f"{name!r} is in group {gid!r} but not inside "
                              f"its box")
            elif gid not in groups and not apart(abox, gbox):
                faults.append(f"{name!r} is not in group {gid!r} but its "
                              f"box covers it")
    if not boxes and up and not any(a[3] for a in actors):
        faults.append("no group boxes and no actor says its group")
    for f in faults:
        print(f"{svg_path}: {f}")
    print(f"{svg_path}: {len(boxes)} group boxes, {len(actors)} actors, "
          f"{len(faults)} faults")
    return 1 if faults else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
