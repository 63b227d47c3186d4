"""STIX -> relgraph -> STIX keeps ids (tests/roundtrip/run.sh):
    python3 stix_ids.py IN.json DOC.json OUT.stix.json
Compares the (type, id) pairs of the input bundle's objects that both the
import and the export map to the same STIX type (graphs/README.md, "STIX
bundles" and "Exports"), and each kept relationship's source_ref,
target_ref and relationship_type (and description, when it has one). A
relationship that repeats another
(same ends, type and dates) is merged into it by the import (its id in
the link's x-stix-ids, DOC.json): it is found when the one it was merged
into is, with the same ends and type. Prints what differs; exit 1 if any."""
import json
import sys

# Types the import makes an actor of and the export writes back as the
# same type. Left out, per graphs/README.md: indicator and observed-data
# (the export leaves them out), cyber-observables and malware-analysis
# (they come back as identities), sighting (a link, written back as a
# relationship), opinion (becomes claimed_by/disputed_by), report (a
# source: kept when something it lists is kept; checked apart), markings.
SAME = {"threat-actor", "intrusion-set", "campaign", "malware", "tool",
        "attack-pattern", "vulnerability", "infrastructure",
        "course-of-action", "location", "identity"}


def live(o):
    return not o.get("revoked") and not o.get("x_mitre_deprecated")


def main():
    src = json.load(open(sys.argv[1], encoding="utf-8"))["objects"]
    doc = json.load(open(sys.argv[2], encoding="utf-8"))
    out = json.load(open(sys.argv[3], encoding="utf-8")).get("objects", [])
    merged = {m: l["stix_id"] for l in doc.get("links", [])
              for m in l.get("x-stix-ids", [])}
    objs = {o["id"]: o for o in src if isinstance(o, dict) and live(o)}
    want = {(o["type"], i) for i, o in objs.items() if o["type"] in SAME}
    got = {(o["type"], o["id"]) for o in out}
    bad = ["object lost: %s %s" % p for p in sorted(want - got)]
    rels = {i: o for i, o in objs.items() if o["type"] == "relationship"
            and (objs.get(o.get("source_ref")) or {}).get("type") in SAME
            and (objs.get(o.get("target_ref")) or {}).get("type") in SAME}
    got_rel = {o["id"]: o for o in out if o["type"] == "relationship"}
    for i, r in sorted(rels.items()):
        g = got_rel.get(i) or got_rel.get(merged.get(i))
        if g is None:
            bad.append("relationship lost: %s" % i)
            continue
        keys = ["source_ref", "target_ref", "relationship_type"]
        if i in got_rel and r.get("description"):
            keys.append("description")
        for k in keys:
            if g.get(k) != r.get(k):
                bad.append("relationship %s %s: %r, not %r"
                           % (i, k, g.get(k), r.get(k)))
    reports = {i for i, o in objs.items() if o["type"] == "report" and any(
        (objs.get(ref) or {}).get("type") in SAME or ref in rels
        for ref in o.get("object_refs", []))}
    lost = reports - {o["id"] for o in out if o["type"] == "report"}
    bad += ["report lost: %s" % i for i in sorted(lost)]
    if bad:
        print("; ".join(bad[:8]) + ("; ..." if len(bad) > 8 else "")
              + " (%d differences)" % len(bad))
        return 1
    print("%d objects, %d relationships, %d reports with their ids"
          % (len(want), len(rels), len(reports)))
    return 0


sys.exit(main())
