/* The checks that tests/browser/run.sh has Chromium run on a page of
 * inlined charts, each an <svg> inside a <figure data-chart="NAME">.
 * They run once the page is parsed and write one line per check into
 * <pre id="result">, "KEY ok DETAIL" or "KEY FAIL DETAIL", then "done"
 * (a script error writes "error ..." instead, so the shell never takes a
 * half-run page for a pass). KEY is stable, so that the shell can expect
 * a given check to fail on its negative page:
 *   unique-ids      no id repeats anywhere on the page
 *   svg:NAME        the chart was parsed as SVG, not as unknown HTML
 *   size:NAME       its <svg> has a non-zero rendered size
 *   fit:NAME        that size is the one it asks for: its width attribute,
 *                   or, with no width (--responsive), its container's
 *                   width at the viewBox's aspect ratio
 *   refs:NAME       every reference to an id inside the chart (url(#x),
 *                   href="#x", aria-labelledby) names an element of that
 *                   same chart, and is the one the page resolves it to */
(function () {
    'use strict';
    var SVG_NS = 'http://www.w3.org/2000/svg';
    var lines = [];

    function report(key, good, detail) {
        lines.push(key + (good ? ' ok ' : ' FAIL ') + detail);
    }

    function checkUniqueIds() {
        var seen = Object.create(null);
        var repeated = [];
        var all = document.querySelectorAll('[id]');
        for (var i = 0; i < all.length; i++) {
            var id = all[i].id;
            if (seen[id] === 1)
                repeated.push(id);
            seen[id] = (seen[id] || 0) + 1;
        }
        report('unique-ids', repeated.length === 0, repeated.length === 0 ?
            all.length + ' ids on the page, none repeats' :
            repeated.length + ' ids repeat: ' + repeated.slice(0, 6).join(', ') +
            (repeated.length > 6 ? ', ...' : ''));
    }

    /* A length attribute in CSS pixels: Graphviz writes "506pt". */
    function toPx(value) {
        var m = /^([0-9.]+)(pt|px)?$/.exec(value);
        if (!m)
            return NaN;
        return parseFloat(m[1]) * (m[2] === 'pt' ? 4 / 3 : 1);
    }

    function near(a, b, tolerance) {
        return Math.abs(a - b) <= tolerance;
    }

    function checkSize(name, svg, box) {
        report('size:' + name, box.width > 0 && box.height > 0,
            box.width.toFixed(0) + ' x ' + box.height.toFixed(0) + ' px');
        var width = svg.getAttribute('width');
        if (width !== null) {
            var want = toPx(width);
            report('fit:' + name, near(box.width, want, 1),
                'drawn ' + box.width.toFixed(1) + ' px wide for width="' +
                width + '" (' + want.toFixed(1) + ' px)');
            return;
        }
        var vb = svg.viewBox.baseVal;
        var room = svg.parentNode.clientWidth;
        var ratio = vb && vb.width > 0 ? vb.height / vb.width : NaN;
        report('fit:' + name,
            near(box.width, room, 1) && near(box.height, box.width * ratio, 2),
            'no width attribute: drawn ' + box.width.toFixed(1) + ' x ' +
            box.height.toFixed(1) + ' px in a container ' + room +
            ' px wide, viewBox ' + (vb ? vb.width + ' x ' + vb.height : 'none'));
    }

    /* Every id an element's attributes point to, as [attribute, id]. */
    function referencesOf(el) {
        var refs = [];
        for (var i = 0; i < el.attributes.length; i++) {
            var a = el.attributes[i];
            var re = /url\(\s*['"]?#([^'")\s]+)/g;
            var m;
            while ((m = re.exec(a.value)) !== null)
                refs.push([a.name, m[1]]);
            if ((a.localName === 'href') && a.value.charAt(0) === '#')
                refs.push([a.name, a.value.slice(1)]);
            if (a.name === 'aria-labelledby' || a.name === 'aria-describedby') {
                a.value.split(/\s+/).forEach(function (id) {
                    if (id !== '')
                        refs.push([a.name, id]);
                });
            }
        }
        if (el.localName === 'style') {
            var css = /url\(\s*['"]?#([^'")\s]+)/g;
            var s;
            while ((s = css.exec(el.textContent)) !== null)
                refs.push(['<style>', s[1]]);
        }
        return refs;
    }

    function checkRefs(name, svg) {
        var inside = Object.create(null);
        svg.querySelectorAll('[id]').forEach(function (el) {
            inside[el.id] = true;
        });
        if (svg.id)
            inside[svg.id] = true;
        var n = 0;
        var wrong = [];
        var els = [svg].concat(Array.prototype.slice.call(svg.querySelectorAll('*')));
        els.forEach(function (el) {
            referencesOf(el).forEach(function (ref) {
                n++;
                var target = document.getElementById(ref[1]);
                if (!inside[ref[1]])
                    wrong.push(ref[0] + ' "#' + ref[1] + '" names no element of this chart');
                else if (!target || !svg.contains(target))
                    wrong.push(ref[0] + ' "#' + ref[1] + '" resolves to an element outside this chart');
            });
        });
        report('refs:' + name, wrong.length === 0, wrong.length === 0 ?
            n + ' references to ids, each to an element of this chart' :
            wrong.length + ' of ' + n + ' references wrong: ' +
            wrong.slice(0, 4).join('; ') + (wrong.length > 4 ? '; ...' : ''));
    }

    // graphs/report-example.css, which the page loads, must take effect:
    // its rules select by the classes relgraph writes.
    function checkStylesheet() {
        var svg = document.querySelector('figure[data-chart="opm-2015"] svg');
        var path = svg && svg.querySelector('.link.disputed path');
        if (!path) {
            report('stylesheet', false, 'no .link.disputed path in opm-2015');
            return;
        }
        var width = getComputedStyle(path).strokeWidth;
        var root = svg.classList.contains('relgraph');
        report('stylesheet', width === '3.5px' && root,
            'svg.relgraph: ' + root + '; a disputed link is ' + width +
            ' wide by graphs/report-example.css (Graphviz wrote ' +
            path.getAttribute('stroke-width') + ')');
    }

    function run() {
        checkUniqueIds();
        checkStylesheet();
        var figures = document.querySelectorAll('figure[data-chart]');
        if (figures.length === 0)
            throw new Error('no figure[data-chart] on the page');
        figures.forEach(function (fig) {
            var name = fig.getAttribute('data-chart');
            var svg = fig.querySelector('svg');
            var good = svg !== null && svg.namespaceURI === SVG_NS &&
                typeof svg.getBBox === 'function';
            report('svg:' + name, good, good ?
                'an SVG element, ' + svg.querySelectorAll('*').length + ' elements inside' :
                'no <svg> in the SVG namespace');
            if (!good)
                return;
            checkSize(name, svg, svg.getBoundingClientRect());
            checkRefs(name, svg);
        });
    }

    try {
        run();
        lines.push('done');
    } catch (e) {
        lines.push('error ' + e);
    }
    document.getElementById('result').textContent = lines.join('\n') + '\n';
})();
