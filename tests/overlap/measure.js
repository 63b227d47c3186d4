/* Measures, in the browser with the fonts the page really uses, how
 * readable the text of each chart on the page is. tests/overlap/run.sh
 * puts many charts on one page, each an inlined <svg> inside a
 * <figure data-chart="NAME">, with this script after them.
 *
 * Definitions (all lengths in CSS px of the page, every chart at its own
 * size: each box and line is mapped by its element's getCTM() into the
 * coordinate system of its chart's <svg>):
 *   text box   the getBBox() of a <text> with visible characters,
 *              narrowed to its first and last non-blank character when
 *              it starts or ends with blanks (padding spaces are not
 *              ink); a <text> of blanks only has no box.
 *   element    the Graphviz group a text belongs to: its nearest
 *              ancestor <g> of class node, edge or cluster, or the parts
 *              of the graph label relgraph names (legend, sources), or
 *              else the graph itself (class graph: the title).
 *   overlap    two text boxes whose intersection is more than TOL
 *              (0.5 px) wide AND more than TOL high, and that belong to
 *              different elements, or to one element but sit on one
 *              baseline (two pieces of one line printed over each
 *              other). The stacked lines of one label may touch: they
 *              are not counted. Counted per pair of texts.
 *   crossing   a text box that the stroke of an edge passes through: an
 *              edge is every <path>, <polygon>, <polyline>, <line>,
 *              <ellipse> and <circle> of a <g class="edge"> that paints
 *              anything (its arrowheads included); its stroke is the
 *              centre line widened by half its stroke-width, and it
 *              crosses a box when it enters the box shrunk by TOL on
 *              each side. The texts of the edge's own label count too (a
 *              line through a label makes it unreadable), and so do
 *              those of the title, legend, Sources block and group
 *              boxes. Counted per text (a text crossed by three edges
 *              counts once).
 * Curves are flattened into straight pieces of at most about 1 px; boxes
 * are kept in a grid of 64 px cells so that a chart of a thousand texts
 * is measured quickly.
 *
 * Writes into <pre id="result"> one line per chart,
 *   chart NAME T O C
 * (texts, overlapping pairs, crossed texts), after it up to MAX lines of
 * each kind of fault,
 *   overlap NAME "TEXT" (ID) ~ "TEXT" (ID)
 *   cross NAME "TEXT" (ID) by EDGE-ID
 * and "done" at the end ("error ..." if the script failed). Then it
 * empties the page of its charts, so that the dumped page stays small;
 * but when the <body> has data-show, it keeps them and outlines every
 * text of an overlap in red and every crossed text in blue, to be seen
 * in a browser (OVERLAP_SHOW=1 sh tests/overlap/run.sh ...). */
(function () {
    'use strict';
    var TOL = 0.5;
    var CELL = 64;
    var MAX = 3;
    var PARTS = ['node', 'edge', 'cluster', 'legend', 'sources', 'graph'];
    var lines = [];
    var show = document.body.hasAttribute('data-show');
    var marks = [];

    function elementOf(node, svg) {
        for (var n = node.parentNode; n && n !== svg; n = n.parentNode) {
            if (n.tagName !== 'g' || !n.classList)
                continue;
            for (var i = 0; i < PARTS.length; i++)
                if (n.classList.contains(PARTS[i]))
                    return n;
        }
        return svg;
    }

    /* The axis-aligned box of user-space box b mapped by matrix m. */
    function mapBox(m, x0, y0, x1, y1) {
        var xs = [], ys = [];
        [[x0, y0], [x1, y0], [x0, y1], [x1, y1]].forEach(function (p) {
            xs.push(m.a * p[0] + m.c * p[1] + m.e);
            ys.push(m.b * p[0] + m.d * p[1] + m.f);
        });
        return {x0: Math.min.apply(null, xs), y0: Math.min.apply(null, ys),
                x1: Math.max.apply(null, xs), y1: Math.max.apply(null, ys)};
    }

    /* The user-space horizontal extent of the ink of a text: its first to
     * its last non-blank character; null when it has none. */
    function inkBox(t) {
        var s = t.textContent;
        var first = s.search(/\S/);
        if (first < 0)
            return null;
        var b = t.getBBox();
        var box = {x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height};
        var last = s.length - 1;
        while (last > first && /\s/.test(s.charAt(last)))
            last--;
        if (first === 0 && last === s.length - 1)
            return box;
        try {
            var a = t.getExtentOfChar(first), z = t.getExtentOfChar(last);
            box.x0 = Math.min(a.x, z.x);
            box.x1 = Math.max(a.x + a.width, z.x + z.width);
        } catch (e) {
            /* keep the whole box */
        }
        return box;
    }

    function clean(s) {
        s = s.replace(/\s+/g, ' ').trim();
        return s.length > 50 ? s.slice(0, 47) + '...' : s;
    }

    function label(t) {
        var el = t.element;
        return '"' + clean(t.node.textContent) + '" (' +
            (el.id || el.getAttribute('class') || el.tagName) + ')';
    }

    function texts(svg) {
        var out = [];
        var all = svg.querySelectorAll('text');
        for (var i = 0; i < all.length; i++) {
            var t = all[i];
            var ink = inkBox(t);
            var m = t.getCTM();
            if (!ink || !m)
                continue;
            var box = mapBox(m, ink.x0, ink.y0, ink.x1, ink.y1);
            var base = m.b * +t.getAttribute('x') + m.d * +t.getAttribute('y') + m.f;
            out.push({node: t, element: elementOf(t, svg), box: box,
                      base: base, index: out.length});
        }
        return out;
    }

    function Grid() {
        this.cells = Object.create(null);
    }
    Grid.prototype.each = function (box, pad, f) {
        var cx0 = Math.floor((box.x0 - pad) / CELL), cx1 = Math.floor((box.x1 + pad) / CELL);
        var cy0 = Math.floor((box.y0 - pad) / CELL), cy1 = Math.floor((box.y1 + pad) / CELL);
        for (var cx = cx0; cx <= cx1; cx++)
            for (var cy = cy0; cy <= cy1; cy++)
                f(cx + ',' + cy);
    };
    Grid.prototype.add = function (t) {
        var cells = this.cells;
        this.each(t.box, 0, function (k) {
            (cells[k] = cells[k] || []).push(t);
        });
    };
    Grid.prototype.near = function (box, pad, f) {
        var cells = this.cells;
        this.each(box, pad, function (k) {
            (cells[k] || []).forEach(f);
        });
    };

    function overlaps(all, grid, name, faults) {
        var seen = Object.create(null);
        var count = 0;
        all.forEach(function (a) {
            grid.near(a.box, 0, function (b) {
                if (b.index <= a.index || seen[a.index + ',' + b.index])
                    return;
                seen[a.index + ',' + b.index] = true;
                var w = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0);
                var h = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
                if (w <= TOL || h <= TOL)
                    return;
                if (a.element === b.element && Math.abs(a.base - b.base) > TOL)
                    return;
                count++;
                marks.push([a, 'red'], [b, 'red']);
                if (faults.length < MAX)
                    faults.push('overlap ' + name + ' ' + label(a) + ' ~ ' + label(b));
            });
        });
        return count;
    }

    /* Whether the segment p-q meets box r (Liang-Barsky clipping). */
    function meets(p, q, r) {
        var t0 = 0, t1 = 1, dx = q[0] - p[0], dy = q[1] - p[1];
        var ps = [-dx, dx, -dy, dy];
        var qs = [p[0] - r.x0, r.x1 - p[0], p[1] - r.y0, r.y1 - p[1]];
        for (var i = 0; i < 4; i++) {
            if (ps[i] === 0) {
                if (qs[i] < 0)
                    return false;
                continue;
            }
            var t = qs[i] / ps[i];
            if (ps[i] < 0) {
                if (t > t1)
                    return false;
                if (t > t0)
                    t0 = t;
            } else {
                if (t < t0)
                    return false;
                if (t < t1)
                    t1 = t;
            }
        }
        return true;
    }

    function cubic(out, p0, p1, p2, p3) {
        var len = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]) +
            Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) +
            Math.hypot(p3[0] - p2[0], p3[1] - p2[1]);
        var n = Math.max(1, Math.ceil(1.5 * len));
        for (var i = 1; i <= n; i++) {
            var t = i / n, u = 1 - t;
            out.push([u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
                      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1]]);
        }
    }

    /* The polylines (lists of user-space points) of a path's d: M, L, H,
     * V, C and Z in absolute form (what Graphviz writes); any other path
     * is sampled with getPointAtLength every px. */
    function pathLines(el) {
        var d = el.getAttribute('d') || '';
        var tokens = d.match(/[A-Za-z]|-?[0-9.]+(?:e-?[0-9]+)?/g) || [];
        var runs = [], run = null, cmd = '', i = 0, start = null;
        function num() { return parseFloat(tokens[i++]); }
        function at() { return run[run.length - 1]; }
        while (i < tokens.length) {
            if (/[A-Za-z]/.test(tokens[i]))
                cmd = tokens[i++];
            if (cmd === 'M') {
                run = [[num(), num()]];
                start = run[0];
                runs.push(run);
                cmd = 'L';
            } else if (run && cmd === 'L') {
                run.push([num(), num()]);
            } else if (run && cmd === 'H') {
                run.push([num(), at()[1]]);
            } else if (run && cmd === 'V') {
                run.push([at()[0], num()]);
            } else if (run && cmd === 'C') {
                cubic(run, at(), [num(), num()], [num(), num()], [num(), num()]);
            } else if (run && (cmd === 'Z' || cmd === 'z')) {
                run.push(start);
                cmd = '';
            } else {
                return sampled(el);
            }
        }
        return runs;
    }

    function sampled(el) {
        var len = el.getTotalLength(), run = [];
        for (var s = 0; s <= len; s += 1) {
            var p = el.getPointAtLength(s);
            run.push([p.x, p.y]);
        }
        return [run];
    }

    function pointsLines(el, closed) {
        var nums = (el.getAttribute('points') || '').match(/-?[0-9.]+(?:e-?[0-9]+)?/g) || [];
        var run = [];
        for (var i = 0; i + 1 < nums.length; i += 2)
            run.push([+nums[i], +nums[i + 1]]);
        if (closed && run.length)
            run.push(run[0]);
        return [run];
    }

    function ellipseLines(el) {
        var cx = +el.getAttribute('cx'), cy = +el.getAttribute('cy');
        var rx = +(el.getAttribute('rx') || el.getAttribute('r'));
        var ry = +(el.getAttribute('ry') || el.getAttribute('r'));
        var run = [], n = Math.max(16, Math.ceil(2 * Math.PI * Math.max(rx, ry)));
        for (var i = 0; i <= n; i++)
            run.push([cx + rx * Math.cos(2 * Math.PI * i / n),
                      cy + ry * Math.sin(2 * Math.PI * i / n)]);
        return [run];
    }

    function shapeLines(el) {
        switch (el.tagName) {
        case 'path': return pathLines(el);
        case 'polygon': return pointsLines(el, true);
        case 'polyline': return pointsLines(el, false);
        case 'line':
            return [[[+el.getAttribute('x1'), +el.getAttribute('y1')],
                     [+el.getAttribute('x2'), +el.getAttribute('y2')]]];
        default: return ellipseLines(el);
        }
    }

    /* Whether a computed stroke or fill paints anything. */
    function painted(paint, opacity) {
        return paint !== 'none' && !/^rgba\(.*,\s*0\)$/.test(paint) &&
            !/^transparent$/.test(paint) && parseFloat(opacity) !== 0;
    }

    function crossings(svg, all, grid, name, faults) {
        var crossed = Object.create(null);
        var count = 0;
        var shapes = svg.querySelectorAll('path, polygon, polyline, line, ellipse, circle');
        for (var i = 0; i < shapes.length; i++) {
            var el = shapes[i], edge = elementOf(el, svg);
            if (!edge.classList || !edge.classList.contains('edge'))
                continue;
            var m = el.getCTM();
            var style = getComputedStyle(el);
            var stroked = painted(style.stroke, style.strokeOpacity);
            if (!m || (!stroked && !painted(style.fill, style.fillOpacity)))
                continue;
            var half = stroked ? parseFloat(style.strokeWidth) / 2 || 0 : 0;
            var scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
            var grow = half * scale - TOL;
            shapeLines(el).forEach(function (run) {
                var pts = run.map(function (p) {
                    return [m.a * p[0] + m.c * p[1] + m.e, m.b * p[0] + m.d * p[1] + m.f];
                });
                for (var k = 0; k + 1 < pts.length; k++) {
                    var p = pts[k], q = pts[k + 1];
                    var seg = {x0: Math.min(p[0], q[0]), y0: Math.min(p[1], q[1]),
                               x1: Math.max(p[0], q[0]), y1: Math.max(p[1], q[1])};
                    grid.near(seg, Math.max(grow, 0), function (t) {
                        if (crossed[t.index])
                            return;
                        var r = {x0: t.box.x0 - grow, y0: t.box.y0 - grow,
                                 x1: t.box.x1 + grow, y1: t.box.y1 + grow};
                        if (r.x0 >= r.x1 || r.y0 >= r.y1 || !meets(p, q, r))
                            return;
                        crossed[t.index] = true;
                        count++;
                        marks.push([t, 'blue']);
                        if (faults.length < MAX)
                            faults.push('cross ' + name + ' ' + label(t) + ' by ' +
                                        (edge.id || 'an edge'));
                    });
                }
            });
        }
        return count;
    }

    /* Outlines the boxes of marks on the chart, in the chart's px. */
    function outline(svg) {
        var ns = 'http://www.w3.org/2000/svg';
        var g = document.createElementNS(ns, 'g');
        svg.appendChild(g);
        var m = g.getCTM().inverse();
        g.setAttribute('transform', 'matrix(' + [m.a, m.b, m.c, m.d, m.e, m.f].join(' ') + ')');
        marks.forEach(function (k) {
            var r = document.createElementNS(ns, 'rect'), b = k[0].box;
            r.setAttribute('x', b.x0);
            r.setAttribute('y', b.y0);
            r.setAttribute('width', b.x1 - b.x0);
            r.setAttribute('height', b.y1 - b.y0);
            r.setAttribute('fill', 'none');
            r.setAttribute('stroke', k[1]);
            r.setAttribute('stroke-width', '0.5');
            g.appendChild(r);
        });
        marks = [];
    }

    function measure(figure) {
        var name = figure.getAttribute('data-chart');
        var svg = figure.querySelector('svg');
        if (!svg || !(svg instanceof SVGSVGElement)) {
            lines.push('nosvg ' + name);
            return;
        }
        var all = texts(svg);
        var grid = new Grid();
        all.forEach(function (t) { grid.add(t); });
        var over = [], cross = [];
        var o = overlaps(all, grid, name, over);
        var c = crossings(svg, all, grid, name, cross);
        lines.push('chart ' + name + ' ' + all.length + ' ' + o + ' ' + c);
        lines.push.apply(lines, over.concat(cross));
        if (show)
            outline(svg);
        marks = [];
    }

    var result = document.getElementById('result');
    try {
        var figures = document.querySelectorAll('figure[data-chart]');
        for (var i = 0; i < figures.length; i++)
            measure(figures[i]);
        lines.push('done');
    } catch (e) {
        lines.push('error ' + (e && e.stack ? e.stack.replace(/\s+/g, ' ') : e));
    }
    result.textContent = lines.join('\n');
    if (show)
        return;
    var figs = document.querySelectorAll('figure');
    for (var j = 0; j < figs.length; j++)
        figs[j].parentNode.removeChild(figs[j]);
})();
