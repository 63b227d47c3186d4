"""Writes an actors table and a links table with Python's csv module
(RFC 4180 quoting: fields with commas, quotes and line ends quoted; rows
ended by CRLF), imports them with relgraph and checks that every value
comes back as written (tests/import/csv.sh):
    python3 csv_roundtrip.py BIN DIR"""
import csv
import json
import os
import subprocess
import sys

TRICKY = ["plain", "comma, inside", 'a "quoted" word', "two\nlines",
          "=HYPERLINK(\"http://x/\",\"click\")", "@SUM(A1)", "+1-1",
          "<script>alert(1)</script>", "Пекин 北京 بكين", "tab\there",
          "  padded  ", "semi; colon"]


def main():
    binary, d = sys.argv[1], sys.argv[2]
    actors = [{"id": "a%d" % i, "name": "%s %d" % (t, i), "note": t,
               "tags": "t%d;u%d" % (i, i), "group": "g%d" % (i % 2)}
              for i, t in enumerate(TRICKY)]
    links = [{"from": "a%d" % i, "to": "a%d" % ((i + 1) % len(TRICKY)),
              "label": t, "quote": t + " said", "status": "alleged",
              "directed": "false" if i % 2 else "true", "date": "2014-05-%02d" % (i + 1),
              "source": "s1;s2", "claimed_by": "a0", "url": "https://example.org/%d?a=b,c" % i,
              "confidence": str(10 * i % 101)}
             for i, t in enumerate(TRICKY)]
    for name, rows in (("actors.csv", actors), ("links.csv", links)):
        with open(os.path.join(d, name), "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    with open(os.path.join(d, "sources.csv"), "w", newline="", encoding="utf-8") as f:
        f.write('id,title,publisher,url\r\ns1,"Report, one",Pub,https://a.org\r\ns2,Two,"P ""two""",\r\n')
    r = subprocess.run([binary, "import", "links.csv", "--actors", "actors.csv",
                        "--sources", "sources.csv"], cwd=d, capture_output=True)
    if r.returncode != 0:
        print("import failed:", r.stderr.decode(errors="replace")[:500])
        return 1
    doc = json.loads(r.stdout)
    bad = []
    by_id = {a["id"]: a for a in doc["actors"]}
    for a in actors:
        got = by_id.get(a["id"], {})
        want_name = a["name"].strip(" ")
        if got.get("name") != want_name or got.get("note") != a["note"].strip(" "):
            bad.append("actor %s: %r" % (a["id"], got))
        if got.get("tags") != a["tags"].split(";"):
            bad.append("actor %s tags: %r" % (a["id"], got.get("tags")))
    for i, l in enumerate(links):
        got = doc["links"][i]
        want = {"from": l["from"], "to": l["to"], "label": l["label"].strip(" "),
                "quote": (l["quote"]).strip(" "), "status": "alleged",
                "directed": l["directed"] == "true", "date": l["date"],
                "source": ["s1", "s2"], "claimed_by": ["a0"], "url": l["url"],
                "confidence": int(l["confidence"])}
        for k, v in want.items():
            if got.get(k) != v:
                bad.append("link %d %s: %r, not %r" % (i, k, got.get(k), v))
    src = {s["id"]: s for s in doc["sources"]}
    if src["s1"]["title"] != "Report, one" or src["s2"]["publisher"] != 'P "two"':
        bad.append("sources: %r" % doc["sources"])
    if bad:
        print("\n".join(bad[:10]))
        return 1
    r = subprocess.run([binary, "check", "--strict", "links.csv", "--actors",
                        "actors.csv", "--sources", "sources.csv"], cwd=d,
                       capture_output=True)
    if r.returncode != 0:
        print("check --strict:", r.stderr.decode(errors="replace")[:500])
        return 1
    print("%d actors, %d links, %d sources read back as written"
          % (len(doc["actors"]), len(doc["links"]), len(doc["sources"])))
    return 0


sys.exit(main())
