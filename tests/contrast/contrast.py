#!/usr/bin/env python3
"""WCAG contrast of every text of a Graphviz SVG against what is behind it.

    python3 tests/contrast/contrast.py [--min 4.5] CHART.svg...

For each <text>, its colour is its fill (its own, else the nearest
ancestor's, else black, as SVG says) and the colour behind it is that of
the topmost filled shape drawn before it whose area holds the text's
anchor point, raised by a third of the font size so that the point sits
inside the letters (a text Graphviz centres on a shape's middle is not
read against the shape below it): node polygons, ellipses and paths,
cluster boxes, the cell backgrounds of HTML-like labels (polygons too),
and at the bottom the graph's background polygon; a shape with
fill-opacity is blended over what lies under it. A path's area is the
polygon of its points, control points included: close enough for the
boxes, rounded boxes and cylinders Graphviz draws. Coordinates are taken
as they are: Graphviz puts every shape of a chart in one <g> with one
transform.

Prints one line per text under the minimum ratio (WCAG AA for body text:
4.5), "FAIL FILE: ID \"TEXT\" #fg on #bg: R:1", where ID is the nearest
ancestor's id; then "FILE: N texts, M under 4.5:1 (lowest R:1)". Exits 1
when any text is under the minimum, 2 when a file cannot be read or holds
a colour this script does not know (so it never passes what it could not
measure). Python 3 and its standard library only.
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'

# The colour names Graphviz writes or a document may use (CSS level 1 and
# a few X11 ones); anything else is an error, not a guess.
NAMES = {
    'black': '000000', 'white': 'ffffff', 'gray': '808080',
    'grey': '808080', 'silver': 'c0c0c0', 'red': 'ff0000',
    'maroon': '800000', 'yellow': 'ffff00', 'olive': '808000',
    'lime': '00ff00', 'green': '008000', 'aqua': '00ffff',
    'teal': '008080', 'blue': '0000ff', 'navy': '000080',
    'fuchsia': 'ff00ff', 'purple': '800080', 'orange': 'ffa500',
    'lightgrey': 'd3d3d3', 'lightgray': 'd3d3d3', 'darkgray': 'a9a9a9',
    'darkgrey': 'a9a9a9', 'lightblue': 'add8e6', 'lightyellow': 'ffffe0',
}


class Unknown(Exception):
    pass


def parse_colour(value):
    """(r, g, b) in 0..255, or None for none/transparent."""
    v = value.strip().lower()
    if v in ('none', 'transparent'):
        return None
    if v in NAMES:
        v = '#' + NAMES[v]
    m = re.fullmatch(r'#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})', v)
    if not m:
        raise Unknown(value)
    h = m.group(1)
    if len(h) == 3:
        h = ''.join(c * 2 for c in h)
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def luminance(rgb):
    def lin(c):
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hexof(rgb):
    return '#%02x%02x%02x' % rgb


def numbers(text):
    return [float(n) for n in
            re.findall(r'[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?', text)]


def inside_polygon(pts, x, y):
    hit = False
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            if x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def area_of(el):
    """A test point -> bool for a shape's area, or None for no area."""
    tag = el.tag[len(SVG):] if el.tag.startswith(SVG) else el.tag
    if tag in ('polygon', 'path'):
        src = el.get('points') if tag == 'polygon' else el.get('d')
        n = numbers(src or '')
        pts = list(zip(n[0::2], n[1::2]))
        if len(pts) < 3:
            return None
        return lambda x, y: inside_polygon(pts, x, y)
    if tag == 'ellipse':
        cx, cy = float(el.get('cx')), float(el.get('cy'))
        rx, ry = float(el.get('rx')), float(el.get('ry'))
        if rx <= 0 or ry <= 0:
            return None
        return lambda x, y: ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
    if tag == 'rect':
        x0, y0 = float(el.get('x', 0)), float(el.get('y', 0))
        w, h = float(el.get('width', 0)), float(el.get('height', 0))
        return lambda x, y: x0 <= x <= x0 + w and y0 <= y <= y0 + h
    return None


def style_fill(el):
    """The fill an element sets itself (attribute or style), or None."""
    m = re.search(r'(?:^|;)\s*fill\s*:\s*([^;]+)', el.get('style', ''))
    return m.group(1) if m else el.get('fill')


def check(path, minimum):
    """[(ratio, id, text, fg, bg)] of every text, in document order."""
    root = ET.parse(path).getroot()
    shapes = []   # (area, rgb, opacity), bottom first
    texts = []

    def behind(x, y):
        colour = (255, 255, 255)   # what a page shows under the SVG
        for area, rgb, alpha in shapes:
            if area(x, y):
                colour = tuple(round(alpha * c + (1 - alpha) * u)
                               for c, u in zip(rgb, colour))
        return colour

    def walk(el, fill, ident):
        own = style_fill(el)
        if own is not None:
            fill = own
        ident = el.get('id') or ident
        tag = el.tag[len(SVG):] if el.tag.startswith(SVG) else el.tag
        if tag == 'text':
            words = ''.join(el.itertext()).strip()
            if words:
                size = float(el.get('font-size', '14'))
                x = float(el.get('x', 0))
                y = float(el.get('y', 0)) - size / 3
                fg = parse_colour(fill) or (0, 0, 0)
                bg = behind(x, y)
                texts.append((ratio(fg, bg), ident, words, fg, bg))
            return
        if tag in ('polygon', 'path', 'ellipse', 'rect') and own is not None:
            rgb = parse_colour(own)
            area = area_of(el)
            if rgb is not None and area is not None:
                alpha = float(el.get('fill-opacity', '1'))
                shapes.append((area, rgb, alpha))
        for kid in el:
            walk(kid, fill, ident)

    walk(root, 'black', '')
    return texts


def main(argv):
    minimum = 4.5
    if len(argv) > 2 and argv[1] == '--min':
        minimum = float(argv[2])
        argv = argv[2:]
    status = 0
    for path in argv[1:]:
        try:
            texts = check(path, minimum)
        except (OSError, ET.ParseError, ValueError, Unknown) as e:
            print('ERROR %s: %s: %s' % (path, type(e).__name__, e))
            status = 2
            continue
        low = [t for t in texts if t[0] < minimum]
        for r, ident, words, fg, bg in low:
            print('FAIL %s: %s "%s" %s on %s: %.2f:1' % (
                path, ident, words[:60], hexof(fg), hexof(bg), r))
        worst = min((t[0] for t in texts), default=0)
        print('%s: %d texts, %d under %.1f:1 (lowest %.2f:1)' % (
            path, len(texts), len(low), minimum, worst))
        if low and status == 0:
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
