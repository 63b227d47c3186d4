#!/usr/bin/env python3
"""Holds graphs/relgraph.schema.json against src/docfmt.def, the table the
loader, fmt and the suggestions read: every object has the same keys, the
same required ones, each key the schema type of its docfmt.def type, and
the enumerations (statuses, engines, directions, built-in kinds) the same
words in the same order.

    python3 tests/schema/format.py           # prints what disagrees
    python3 tests/schema/format.py --json    # the table, as JSON

Exits 1 when anything disagrees. tests/schema/run.sh runs it.
"""
import json
import re
import sys
from pathlib import Path

top = Path(__file__).resolve().parents[2]
deffile = (top / "src/docfmt.def").read_text()
schema = json.loads((top / "graphs/relgraph.schema.json").read_text())

# Only the rows, not the comment at the top that shows their form.
body = deffile[deffile.index("/* ---- objects ---- */"):]
STR = r'"(?:[^"\\]|\\.)*"'


def unquote(s):
    return json.loads(s)


def table():
    objects = {}
    for m in re.finditer(r"^RG_FMT_OBJECT\((\w+),\s*(" + STR + r")\)", body, re.M):
        objects[m.group(1)] = {"what": unquote(m.group(2)), "keys": []}
    row = re.compile(r"\bRG_FMT_(KEY|MANY|CHECK)\s*\((\w+),\s*(" + STR +
                     r"),\s*(\w+),\s*(\w+),\s*(NULL|" + STR + r")")
    for m in row.finditer(body):
        macro, obj, key, typ, arg, req = m.groups()
        objects[obj]["keys"].append({
            "key": unquote(key), "type": typ, "arg": arg,
            "required": req != "NULL"})
    enums = {}
    for name, macro in [("status", "STATUS"), ("engine", "ENGINE"),
                        ("direction", "DIRECTION"), ("theme", "THEME"),
                        ("tlp", "TLP"),
                        ("builtin_kind", "BUILTIN_KIND")]:
        enums[name] = [unquote(m.group(1)) for m in re.finditer(
            r"^RG_FMT_" + macro + r"\((" + STR + r")", body, re.M)]
    return {"objects": objects, "enums": enums}


def ref(name):
    return {"$ref": "#/$defs/" + name}


def expected(k, enums):
    """What the schema says of a key of this type: a predicate on the
    key's schema, and its description for messages."""
    t, arg = k["type"], k["arg"]
    simple = {
        "SCHEMA": {"type": "string"},
        "VERSION": {"type": "integer", "const": 1},
        "TEXT": {"type": "string"},
        "NAME": {"type": "string", "minLength": 1},
        "ID": ref("id"), "REF": ref("reference"), "DATE": ref("date"),
        "URL": ref("url"), "SOURCES": ref("sourceIds"),
        "REFS": ref("stringOrArray"),
        "WORDS": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "BOOL": {"type": "boolean"},
        "CONFIDENCE": ref("confidence"), "STIXID": ref("stixId"),
        "RELIABILITY": ref("reliability"), "CREDIBILITY": ref("credibility"),
        "SHAPE": ref("shape"), "COLOR": ref("color"), "STYLE": ref("styleList"),
        "KINDS": ref("kinds"), "STYLES": ref("styles"),
        "ARRAY": {"type": "array", "items": ref(arg)},
        "OBJECT": ref(arg),
        "ATTRS": ref({"node": "nodeAttrs", "edge": "edgeAttrs",
                      "cluster": "clusterAttrs", "graph": "graphAttrs",
                      "kind": "kindAttrs"}.get(arg, "?" + arg)),
        "KIND": {"anyOf": [ref("builtinKind"),
                           {"type": "string", "minLength": 1}]},
    }
    if t == "ENUM" and arg == "tlp":
        return ref("tlp")
    if t == "ENUM":
        return {"type": "string", "enum": enums[arg]}
    if t not in simple:
        return None
    return simple[t]


def shape_of(s):
    """A key's schema without its prose (description, examples, ...)."""
    if isinstance(s, dict):
        return {k: shape_of(v) for k, v in s.items()
                if k not in ("description", "examples", "default", "$comment")}
    if isinstance(s, list):
        return [shape_of(v) for v in s]
    return s


def compare(t):
    errors = []
    defs = schema["$defs"]
    for obj, o in t["objects"].items():
        where = "the top level" if obj == "doc" else "$defs." + obj
        s = schema if obj == "doc" else defs.get(obj)
        if s is None:
            errors.append("%s: no such definition in the schema" % where)
            continue
        props = s.get("properties", {})
        mine = [k["key"] for k in o["keys"]]
        for k in sorted(set(mine) - set(props)):
            errors.append("%s: key \"%s\" is in docfmt.def, not in the schema"
                          % (where, k))
        for k in sorted(set(props) - set(mine)):
            errors.append("%s: key \"%s\" is in the schema, not in docfmt.def"
                          % (where, k))
        req = sorted(k["key"] for k in o["keys"] if k["required"])
        if req != sorted(s.get("required", [])):
            errors.append("%s: required keys are %s in docfmt.def, %s in the "
                          "schema" % (where, req, sorted(s.get("required", []))))
        for k in o["keys"]:
            if k["key"] not in props:
                continue
            want = expected(k, t["enums"])
            have = shape_of(props[k["key"]])
            if want is None or have != want:
                errors.append("%s.%s: docfmt.def says %s%s, the schema says %s"
                              % (where, k["key"], k["type"],
                                 "" if k["arg"] == "none" else "(" + k["arg"] + ")",
                                 json.dumps(have)))
    kinds = t["enums"]["builtin_kind"]
    if defs.get("builtinKind", {}).get("enum") != kinds:
        errors.append("$defs.builtinKind: the built-in kinds are %s in "
                      "docfmt.def, %s in the schema"
                      % (kinds, defs.get("builtinKind", {}).get("enum")))
    if defs.get("tlp", {}).get("enum") != t["enums"]["tlp"]:
        errors.append("$defs.tlp: the levels are %s in docfmt.def, %s in the "
                      "schema" % (t["enums"]["tlp"],
                                  defs.get("tlp", {}).get("enum")))
    if list(defs.get("kinds", {}).get("properties", {})) != kinds:
        errors.append("$defs.kinds: the built-in kinds' properties are not "
                      "docfmt.def's %s" % kinds)
    return errors


t = table()
if len(sys.argv) > 1 and sys.argv[1] == "--json":
    print(json.dumps(t, indent=2))
    sys.exit(0)
errs = compare(t)
for e in errs:
    print(e)
n = sum(len(o["keys"]) for o in t["objects"].values())
if not errs and n < 50:
    print("docfmt.def: only %d keys read; is the table's form still the "
          "one this script parses?" % n)
    sys.exit(1)
sys.exit(1 if errs else 0)
