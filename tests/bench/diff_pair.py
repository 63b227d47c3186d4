#!/usr/bin/env python3
"""The second document of the diff benchmark: a copy of IN in which 1% of
the links differ (every 100th link: its status moved on to the next one,
every third of those also given a new date), written to OUT.

    diff_pair.py IN OUT
"""
import json
import sys

STATUSES = ["confirmed", "reported", "alleged", "disputed", "denied"]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    for i, link in enumerate(doc["links"]):
        if i % 100 != 0:
            continue
        st = link.get("status", "confirmed")
        st = STATUSES[(STATUSES.index(st) + 1) % len(STATUSES)]
        if st == "confirmed" and link.get("disputed_by"):
            st = "reported"  # check warns of a confirmed, disputed link
        link["status"] = st
        if i % 300 == 0:
            link["date"] = "2020-01-01"
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
