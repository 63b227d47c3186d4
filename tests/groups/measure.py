#!/usr/bin/env python3
"""Prints two figures of a relgraph SVG: the number of pairs of actor
boxes that overlap, and the drawing's area in square inches (from the
root's width and height in points).

usage: measure.py CHART.svg  ->  "OVERLAPS AREA" """
import sys
import xml.etree.ElementTree as ET

from members import SVG, SLACK, box_of, classes


def measure(path):
    root = ET.parse(path).getroot()
    boxes = [box_of(g) for g in root.iter(SVG + "g")
             if {"node", "actor"} <= set(classes(g))]
    boxes = [b for b in boxes if b is not None]
    n = 0
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if (a[0] < b[2] - SLACK and b[0] < a[2] - SLACK and
                    a[1] < b[3] - SLACK and b[1] < a[3] - SLACK):
                n += 1
    w = float(root.get("width").replace("pt", ""))
    h = float(root.get("height").replace("pt", ""))
    return n, w * h / 72 / 72


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    n, area = measure(sys.argv[1])
    print(f"{n} {area:.0f}")
