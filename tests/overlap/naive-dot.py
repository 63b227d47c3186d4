#!/usr/bin/env python3
"""The DOT a user would write by hand for a relgraph document, to compare
plain Graphviz with relgraph (tests/overlap/run.sh naive-dot): one node
per actor labelled with its name, one edge per link labelled with its
label (no arrowhead when the link is not directed), the document's
direction as rankdir and its engine as layout; nothing else (no groups,
styles, legend or sources).

    python3 tests/overlap/naive-dot.py DOC.json [--engine E] [--direction D]

Other options (those relgraph takes) are ignored; without --engine the
document's engine is used, else dot. An unknown --engine or --direction
exits with status 1, as relgraph refuses it (status 2)."""
import json
import sys


ENGINES = ('dot', 'neato', 'fdp', 'sfdp', 'circo', 'twopi')
DIRECTIONS = ('LR', 'TB', 'RL', 'BT')


def quote(s):
    s = str(s).replace('\\', '\\\\').replace('"', '\\"')
    return '"' + s.replace('\r', '').replace('\n', '\\n') + '"'


def option(args, name):
    for i, a in enumerate(args):
        if a == name and i + 1 < len(args):
            return args[i + 1]
        if a.startswith(name + '='):
            return a[len(name) + 1:]
    return None


def main():
    engine = option(sys.argv[2:], '--engine')
    rankdir = option(sys.argv[2:], '--direction')
    if engine not in (None,) + ENGINES or rankdir not in (None,) + DIRECTIONS:
        sys.exit('naive-dot.py: unknown engine or direction')
    with open(sys.argv[1], encoding='utf-8-sig') as f:
        doc = json.load(f)
    layout = doc.get('layout') or {}
    engine = engine or layout.get('engine') or 'dot'
    rankdir = rankdir or layout.get('direction') or 'LR'
    out = ['digraph {', '  layout=%s; rankdir=%s;' % (quote(engine), quote(rankdir))]
    for a in doc.get('actors') or []:
        out.append('  %s [label=%s];' % (quote(a['id']), quote(a.get('name', a['id']))))
    for l in doc.get('links') or []:
        attrs = []
        if l.get('label'):
            attrs.append('label=%s' % quote(l['label']))
        if l.get('directed') is False:
            attrs.append('dir=none')
        out.append('  %s -> %s [%s];' % (quote(l['from']), quote(l['to']), ', '.join(attrs)))
    out.append('}')
    print('\n'.join(out))


main()
