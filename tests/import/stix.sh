#!/bin/sh
# The STIX importer on real bundles (../shared/data/interop/stix): each
# imports, checks clean under --strict and renders; the counts of actors
# and links are those python3 finds in the bundle by the mapping of
# graphs/README.md ("STIX"); opinions, markings, --keep-revoked and
# --focus straight from a bundle. Skips (counted) without ../shared or
# python3. Prints "stix: P passed, F failed, S skipped".
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/../shared/data/interop/stix
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -n "${STIX_KEEP:-}" ] && trap - EXIT && echo "kept in $tmp"
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

if [ ! -d "$data" ] || ! command -v python3 >/dev/null 2>&1; then
    echo "skip stix: ../shared/data/interop/stix or python3 is missing"
    echo "stix: 0 passed, 0 failed, 1 skipped"
    exit 0
fi

# Expected "ACTORS LINKS" of a bundle, found independently of relgraph.
expect() {
    python3 - "$1" "${2:-}" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
keep = sys.argv[2] == "keep"
actor = set("""threat-actor intrusion-set campaign malware tool attack-pattern
vulnerability indicator infrastructure course-of-action observed-data location
malware-analysis identity artifact autonomous-system directory domain-name
email-addr email-message file ipv4-addr ipv6-addr mac-addr mutex
network-traffic process software url user-account windows-registry-key
x509-certificate""".split())
gone = lambda o: not keep and (o.get("revoked") or o.get("x_mitre_deprecated"))
objs = [o for o in b["objects"] if isinstance(o, dict)]
ids = {o["id"] for o in objs if o["type"] in actor and not gone(o)}
seen = set()
observed = 0
for o in objs:
    if gone(o):
        continue
    if o["type"] == "relationship":
        ends = [(o["source_ref"], o["target_ref"], o["relationship_type"],
                 o.get("start_time", "")[:10], o.get("stop_time", "")[:10])]
    elif o["type"] == "sighting":
        ends = [(o["sighting_of_ref"], w, "sighted-at",
                 o.get("first_seen", "")[:10], o.get("last_seen", "")[:10])
                for w in o.get("where_sighted_refs", [])]
    elif o["type"] == "observed-data":
        observed += sum(1 for r in o.get("object_refs", [])
                        if r in ids and o["id"] in ids)
        continue
    else:
        continue
    seen |= {e for e in ends if e[0] in ids and e[1] in ids}
print(len(ids), len(seen) + observed)
PY
}
# "ACTORS LINKS" of a relgraph document.
counts() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["actors"]), len(d.get("links", [])))' "$1"
}

for f in "$data"/*.json; do
    n=$(basename "$f" .json)
    if ! "$bin" import "$f" -o "$tmp/$n.json" 2>"$tmp/err"; then
        bad "$n: import failed: $(head -3 "$tmp/err")"; continue
    fi
    if ! "$bin" check --strict "$tmp/$n.json" >"$tmp/err" 2>&1; then
        bad "$n: check --strict: $(head -3 "$tmp/err")"; continue
    fi
    if ! "$bin" render "$tmp/$n.json" -o "$tmp/$n.svg" 2>"$tmp/err" ||
        ! grep -q '<svg' "$tmp/$n.svg"; then
        bad "$n: render: $(head -3 "$tmp/err")"; continue
    fi
    want=$(expect "$f") got=$(counts "$tmp/$n.json")
    if [ "$want" = "$got" ]; then ok "$n ($got)"
    else bad "$n: actors and links $got, the bundle holds $want"; fi
done

m=$data/mobile-attack-17.1.json
if [ -f "$m" ]; then
    "$bin" import "$m" --keep-revoked -o "$tmp/keep.json" 2>/dev/null
    want=$(expect "$m" keep) got=$(counts "$tmp/keep.json")
    if [ "$want" = "$got" ]; then ok "--keep-revoked ($got)"
    else bad "--keep-revoked: $got, the bundle holds $want"; fi
    "$bin" import "$m" -o /dev/null 2>"$tmp/err"
    if grep -q 'note: objects left out as revoked or deprecated (--keep-revoked keeps them): 70$' "$tmp/err"
    then ok "revoked note"; else bad "revoked note: $(grep note "$tmp/err")"; fi
    if "$bin" render "$m" --focus Windshift -o "$tmp/focus.svg" 2>/dev/null &&
        grep -q 'Windshift' "$tmp/focus.svg" &&
        grep -q 'Showing [0-9]* of' "$tmp/focus.svg"
    then ok "render --focus from STIX"; else bad "render --focus from STIX"; fi
fi

# Markings: TLP:AMBER by its fixed id.
"$bin" import "$data/using-marking-definitions.json" -o "$tmp/mark.json" 2>/dev/null
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); a={x["name"]: x.get("tlp") for x in d["actors"]}; sys.exit(0 if a["Known malicious IP Address"] == "amber" and a["Stark Industries"] is None else 1)' "$tmp/mark.json"
then ok "TLP marking"; else bad "TLP marking"; fi

# Opinions: agreement adds a claimant, disagreement a disputant and the
# status "disputed"; a TLP 2.0 marking on the relationship.
cat >"$tmp/op.json" <<'JSON'
{"type": "bundle", "id": "bundle--0b5d5c8a-5b4c-4f1b-9f4a-2a9f4a1b2c3d",
 "objects": [
  {"type": "identity", "id": "identity--11111111-1111-4111-8111-111111111111", "name": "Alpha Lab", "identity_class": "organization"},
  {"type": "identity", "id": "identity--22222222-2222-4222-8222-222222222222", "name": "Beta Ministry", "identity_class": "organization", "sectors": ["government-national"]},
  {"type": "identity", "id": "identity--33333333-3333-4333-8333-333333333333", "name": "Gamma", "identity_class": "individual"},
  {"type": "intrusion-set", "id": "intrusion-set--44444444-4444-4444-8444-444444444444", "name": "Delta"},
  {"type": "relationship", "id": "relationship--55555555-5555-4555-8555-555555555555", "relationship_type": "attributed-to",
   "source_ref": "intrusion-set--44444444-4444-4444-8444-444444444444", "target_ref": "identity--22222222-2222-4222-8222-222222222222",
   "created_by_ref": "identity--11111111-1111-4111-8111-111111111111", "start_time": "2014-05-19T00:00:00Z",
   "object_marking_refs": ["marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"]},
  {"type": "opinion", "id": "opinion--66666666-6666-4666-8666-666666666666", "opinion": "strongly-disagree",
   "created_by_ref": "identity--22222222-2222-4222-8222-222222222222", "object_refs": ["relationship--55555555-5555-4555-8555-555555555555"]},
  {"type": "opinion", "id": "opinion--77777777-7777-4777-8777-777777777777", "opinion": "agree",
   "created_by_ref": "identity--33333333-3333-4333-8333-333333333333", "object_refs": ["relationship--55555555-5555-4555-8555-555555555555"]},
  {"type": "opinion", "id": "opinion--88888888-8888-4888-8888-888888888888", "opinion": "neutral",
   "created_by_ref": "identity--33333333-3333-4333-8333-333333333333", "object_refs": ["relationship--55555555-5555-4555-8555-555555555555"]}
 ]}
JSON
"$bin" import "$tmp/op.json" -o "$tmp/op-out.json" 2>"$tmp/err"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
l = d["links"][0]
kinds = {a["id"]: a["kind"] for a in d["actors"]}
assert l["claimed_by"] == ["alpha-lab", "gamma"], l
assert l["disputed_by"] == ["beta-ministry"], l
assert l["status"] == "disputed" and l["tlp"] == "amber+strict", l
assert l["label"] == "attributed to" and l["date"] == "2014-05-19", l
assert kinds == {"alpha-lab": "organization", "beta-ministry": "agency",
                 "gamma": "person", "delta": "group"}, kinds
' "$tmp/op-out.json" && grep -q 'neutral opinions, ignored: 1' "$tmp/err" &&
    "$bin" check --strict "$tmp/op-out.json" >/dev/null 2>&1
then ok "opinions"; else bad "opinions: $(cat "$tmp/err")"; fi

# Hostile bundles: every property of the wrong type, many objects, deep
# values. Each gives diagnostics and no crash (exit 0 or 1, never more).
python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
wrong = [5, "x", None, True, [], {}, [1, None], {"a": [1]}, -1, 1e308]
keys = ["name", "aliases", "x_mitre_aliases", "description", "first_seen",
        "last_seen", "external_references", "object_marking_refs",
        "granular_markings", "confidence", "revoked", "x_mitre_deprecated",
        "created_by_ref", "relationship_type", "source_ref", "target_ref",
        "start_time", "stop_time", "sighting_of_ref", "where_sighted_refs",
        "count", "opinion", "object_refs", "identity_class", "sectors",
        "published", "spec_version", "definition_type", "definition"]
types = ["threat-actor", "identity", "report", "relationship", "sighting",
         "opinion", "marking-definition", "malware", "file", "x-foo"]
objs = [{"type": t, "id": "%s--%08d-1111-4111-8111-111111111111" % (t, 0)}
        for t in types]
n = 0
for t in types:
    for k in keys:
        for w in wrong:
            n += 1
            objs.append({"type": t, "id": "%s--%08d-1111-4111-8111-111111111111" % (t, n),
                         k: w, "external_references": [{"url": w, "source_name": w}]
                         if k != "external_references" else w})
objs += [5, "x", None, [], {"type": 5, "id": []}, {"type": "relationship"}]
json.dump({"type": "bundle", "id": "bundle--1", "objects": objs},
          open(d + "/wrong.json", "w"))
many = [{"type": "relationship", "id": "relationship--%08d-1111-4111-8111-111111111111" % i,
         "relationship_type": "uses", "source_ref": "malware--x%d" % i,
         "target_ref": "tool--y"} for i in range(20000)]
json.dump({"type": "bundle", "id": "bundle--2", "objects": many},
          open(d + "/many.json", "w"))
# 20,000 actors of one name citing 20,000 references of one source name:
# their ids ("same", "same-2", ...) must not cost a search each.
same = [{"type": "malware", "id": "malware--%08x-1111-4111-8111-111111111111" % i,
         "name": "Same", "external_references": [
             {"source_name": "blog", "url": "https://example.com/%d" % i}]}
        for i in range(20000)]
json.dump({"type": "bundle", "id": "bundle--4", "objects": same},
          open(d + "/same.json", "w"))
open(d + "/deep.json", "w").write(
    '{"type": "bundle", "id": "bundle--3", "objects": [{"type": "malware", '
    '"id": "malware--00000000-1111-4111-8111-111111111111", "name": "Deep", '
    '"description": "%s", "x_deep": %s%s}]}'
    % ("x" * 300000, "[" * 1000, "]" * 1000))
PY
# A bound on time that catches a quadratic import (minutes), not a slow
# machine: 20 s, 120 s under the sanitizers (HOSTILE_ASAN, make check).
limit=${HOSTILE_ASAN:+120}
for h in wrong many deep same; do
    timeout "${limit:-20}" "$bin" import "$tmp/$h.json" -o "$tmp/$h-out.json" >/dev/null 2>"$tmp/err"
    st=$?
    if [ $st -le 1 ] && grep -q 'warning\|note\|error' "$tmp/err" ||
        { [ $st -eq 0 ] && { [ "$h" = deep ] || [ "$h" = same ]; }; }; then
        if [ $st -eq 0 ] && ! "$bin" check --strict "$tmp/$h-out.json" >/dev/null 2>&1; then
            bad "hostile $h: the imported document does not check"
        else
            ok "hostile $h (exit $st, $(grep -c 'warning' "$tmp/err") warnings)"
        fi
    else
        bad "hostile $h: exit $st: $(tail -3 "$tmp/err")"
    fi
done

echo "stix: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
