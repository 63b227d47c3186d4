"""Where a chart's TLP label is: marks.py LABEL FILE...

For an SVG, finds the texts equal to LABEL and their heights on the page
(Graphviz puts every text under one <g transform="... translate(x y)">);
for a PNG (relgraph's own: 8-bit RGB or RGBA, any filter), finds the rows holding
LABEL's colour (argument --colour RRGGBB, on the black band). Prints
"FILE: top bottom" when the label is within the top fifth and within the
bottom fifth of the page, else "FILE: missing top|bottom" and exits 1.
"""
import re
import struct
import sys
import zlib


def svg_heights(path, label):
    text = open(path, encoding="utf-8").read()
    box = re.search(r'viewBox="[-0-9.]+ [-0-9.]+ [0-9.]+ ([0-9.]+)"', text)
    shift = re.search(r'translate\(([-0-9.]+) ([-0-9.]+)\)', text)
    height, dy = float(box.group(1)), float(shift.group(2))
    ys = [float(m.group(1)) + dy for m in re.finditer(
        r'<text[^>]* y="([-0-9.]+)"[^>]*>' + re.escape(label) + '</text>',
        text)]
    return [y / height for y in ys]


def png_rows(path, colour):
    data = open(path, "rb").read()
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), "8-bit RGB(A) only"
            bpp = 4 if ctype == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, prev, rows = zlib.decompress(idat), width * bpp, None, []
    want = bytes.fromhex(colour)
    for r in range(height):
        f, line = raw[r * (stride + 1)], bytearray(
            raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        up = prev or bytearray(stride)
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            c = up[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + up[i]) & 255
            elif f == 3:
                line[i] = (line[i] + (a + up[i]) // 2) & 255
            elif f == 4:
                p = a + up[i] - c
                pa, pb, pc = abs(p - a), abs(p - up[i]), abs(p - c)
                pr = a if pa <= pb and pa <= pc else up[i] if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        prev = line
        if any(line[i:i + 3] == want for i in range(0, stride, bpp)):
            rows.append(r / height)
    return rows


def main():
    args = sys.argv[1:]
    colour = None
    if args[0] == "--colour":
        colour, args = args[1], args[2:]
    label, bad = args[0], 0
    for path in args[1:]:
        where = png_rows(path, colour) if path.endswith(".png") \
            else svg_heights(path, label)
        top = any(y < 0.2 for y in where)
        bottom = any(y > 0.8 for y in where)
        if top and bottom:
            print(f"{path}: top bottom")
        else:
            bad = 1
            print(f"{path}: missing" + (" top" if not top else "") +
                  (" bottom" if not bottom else ""))
    return bad


sys.exit(main())
