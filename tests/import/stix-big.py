#!/usr/bin/env python3
"""Writes a STIX 2.1 bundle of the shape of ATT&CK Enterprise (about 25,000
objects, 45 MB) made of copies of the objects of a smaller bundle, each
copy with ids of its own and names with a copy number, so that the
importer's speed and memory can be measured on that size:

    python3 tests/import/stix-big.py ../shared/data/interop/stix/mobile-attack-17.1.json big.json

The intrusion set "APT28 1" (or the first one) is a good --focus."""
import json, sys, uuid

src, out = sys.argv[1], sys.argv[2]
want = int(sys.argv[3]) if len(sys.argv) > 3 else 25000
objs = json.load(open(src))["objects"]
res = []
copy = 0
while len(res) < want:
    copy += 1
    ids = {o["id"]: "%s--%s" % (o["type"], uuid.UUID(int=(copy << 64) + i, version=4))
           for i, o in enumerate(objs)}
    for o in objs:
        if o["type"] == "marking-definition" and copy > 1:
            continue
        c = dict(o)
        if c["type"] != "marking-definition":
            c["id"] = ids[o["id"]]
        for k in ("source_ref", "target_ref", "created_by_ref"):
            if k in c:
                c[k] = ids.get(c[k], c[k])
        if "name" in c and c["type"] != "identity":
            c["name"] = "%s %d" % (c["name"], copy)
        res.append(c)
json.dump({"type": "bundle", "id": "bundle--%s" % uuid.UUID(int=1, version=4),
           "objects": res[:want]}, open(out, "w"), indent=4)
