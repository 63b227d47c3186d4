"""relgraph -> FORMAT -> relgraph gives back the document, less what
FORMAT cannot hold (tests/roundtrip/run.sh):
    python3 docs.py FORMAT ORIGINAL.json BACK.json
FORMAT is csv, stix or cyjs. Both documents are normalised the same way
before the comparison: a one-value list written as a string is a list, an
actor named by its name or an alias is named by its id, `status` and
`directed` are written as relgraph reads them, and what FORMAT cannot
hold (DROP below, as graphs/README.md lists it under "What each format
cannot hold") is dropped. Actors, links, sources and groups must then
be equal, record for record; prints the first differences, exit 1."""
import json
import sys

LISTS = ("aliases", "source", "tags", "claimed_by", "disputed_by")
ENDS = ("from", "to")
PEOPLE = ("claimed_by", "disputed_by")

# What each format cannot hold. "doc": top-level keys; "record": keys of
# every actor, link, source and group; "sections": whole sections.
DROP = {
    # CSV: the tables hold every field of actors, links, sources and
    # groups, and nothing else.
    "csv": {"doc": {"$schema", "title", "description", "tlp", "layout",
                    "kinds", "link_kinds", "attrs"},
            "record": {"attrs"}, "x_keys": True, "split": True,
            "sections": set()},
    # STIX: actors, links and the sources they cite; a group is only an
    # actor's group id; the document's marking is on each record. It
    # leaves out indicator and observation actors and their links.
    "stix": {"doc": {"$schema", "title", "description", "tlp", "layout",
                     "kinds", "link_kinds", "attrs"},
             "record": {"attrs"}, "x_keys": True, "split": False,
             "sections": set(), "stix": True},
    # Cytoscape.js: every field of actors and links in "data"; sources and
    # groups only as the ids the records name.
    "cyjs": {"doc": {"$schema", "title", "description", "tlp", "layout",
                     "kinds", "link_kinds", "attrs"},
             "record": {"attrs"}, "x_keys": True, "split": False,
             "sections": set(), "named_only": True},
}


def as_list(v):
    return v if isinstance(v, list) else [v]


def resolve(doc):
    """Maps every id, name and alias to the actor's id, ids first."""
    names = {}
    for a in doc.get("actors", []):
        for al in as_list(a.get("aliases", [])):
            names.setdefault(al, a["id"])
    for a in doc.get("actors", []):
        names[a.get("name", a["id"])] = a["id"]
    for a in doc.get("actors", []):
        names[a["id"]] = a["id"]
    return names


def norm_record(r, rule, names, is_link):
    out = {}
    for k, v in r.items():
        if k in rule["record"] or (rule["x_keys"] and k.startswith("x-")):
            continue
        if k in LISTS:
            v = as_list(v)
            if rule["split"]:
                v = [p.strip() for item in v for p in item.split(";")]
        if is_link and k in ENDS:
            v = names.get(v, v)
        if is_link and k in PEOPLE:
            v = [names.get(p, p) for p in v]
        out[k] = v
    if is_link:
        out.setdefault("status", "reported")
        out.setdefault("directed", True)
    return out


def stix_view(doc):
    """The document as STIX can hold it: no indicator or observation
    actors (nor their links), no sources nothing cites, the document's
    tlp on each record, a source list as a set, groups as the ids the
    actors name."""
    doc = json.loads(json.dumps(doc))
    names = resolve(doc)
    gone = {a["id"] for a in doc.get("actors", [])
            if a.get("kind") in ("indicator", "observation")}
    doc["actors"] = [a for a in doc.get("actors", []) if a["id"] not in gone]
    doc["links"] = [l for l in doc.get("links", [])
                    if names.get(l["from"], l["from"]) not in gone
                    and names.get(l["to"], l["to"]) not in gone]
    for l in doc["links"]:
        for k in PEOPLE:
            if k in l:
                l[k] = [p for p in as_list(l[k])
                        if names.get(p, p) not in gone]
                if not l[k]:
                    del l[k]
    cited = set()
    for r in doc["actors"] + doc["links"]:
        r["source"] = sorted(set(as_list(r.get("source", []))))
        cited.update(r["source"])
        if not r["source"]:
            del r["source"]
    doc["sources"] = [s for s in doc.get("sources", []) if s["id"] in cited]
    for r in doc["actors"] + doc["links"] + doc["sources"]:
        if "tlp" in doc:
            r.setdefault("tlp", doc["tlp"])
    doc["groups"] = [{"id": g} for g in sorted(
        {a["group"] for a in doc["actors"] if "group" in a})]
    return doc


def named_only(doc):
    """Sources and groups as the sorted ids the actors and links name."""
    doc = json.loads(json.dumps(doc))
    recs = doc.get("actors", []) + doc.get("links", [])
    doc["sources"] = [{"id": i} for i in sorted(
        {x for r in recs for x in as_list(r.get("source", []))})]
    doc["groups"] = [{"id": g} for g in sorted(
        {a["group"] for a in doc.get("actors", []) if "group" in a})]
    return doc


def norm(doc, fmt):
    rule = DROP[fmt]
    if rule.get("stix"):
        doc = stix_view(doc)
    if rule.get("named_only"):
        doc = named_only(doc)
    names = resolve(doc)
    out = {k: v for k, v in doc.items()
           if k not in rule["doc"] and k not in rule["sections"]
           and not (rule["x_keys"] and k.startswith("x-"))
           and k not in ("actors", "links", "sources", "groups")}
    for sec in ("actors", "links", "sources", "groups"):
        if sec in rule["sections"]:
            continue
        out[sec] = [norm_record(r, rule, names, sec == "links")
                    for r in doc.get(sec, [])]
    return out


def diff(a, b, where, bad):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in b:
                bad.append("%s.%s lost (%r)" % (where, k, a[k]))
            elif k not in a:
                bad.append("%s.%s added (%r)" % (where, k, b[k]))
            else:
                diff(a[k], b[k], "%s.%s" % (where, k), bad)
    elif isinstance(a, list) and isinstance(b, list) and \
            all(isinstance(x, dict) for x in a + b):
        if len(a) != len(b):
            bad.append("%s: %d records, not %d" % (where, len(b), len(a)))
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, "%s[%s]" % (where, x.get("id", i)), bad)
    elif a != b:
        bad.append("%s: %r, not %r" % (where, b, a))


def main():
    fmt = sys.argv[1]
    orig = json.load(open(sys.argv[2], encoding="utf-8"))
    back = json.load(open(sys.argv[3], encoding="utf-8"))
    bad = []
    a, b = norm(orig, fmt), norm(back, fmt)
    if DROP[fmt].get("stix"):
        # A record without a stix_id is given the one the export made.
        for sec in ("actors", "links", "sources"):
            for x, y in zip(a[sec], b[sec]):
                if "stix_id" not in x:
                    y.pop("stix_id", None)
    diff(a, b, "", bad)
    if bad:
        print("; ".join(bad[:6]) + ("; ..." if len(bad) > 6 else "")
              + " (%d differences)" % len(bad))
        return 1
    print("%d actors, %d links, %d sources, %d groups as written"
          % tuple(len(orig.get(s, [])) for s in
                  ("actors", "links", "sources", "groups")))
    return 0


sys.exit(main())
