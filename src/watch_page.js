/* The live page of relgraph watch --serve. It listens to /events (one
 * "build" event per build), then reads /state.json and, after a good
 * build, /chart.svg, whose contents replace the chart's while the view
 * (zoom and position) stays. A bad build shows its diagnostics over the
 * last good chart, greyed as stale. Every string from the document is
 * inserted as text (textContent), never as markup. The chart is the SVG
 * relgraph writes: no script, no scriptable link, and the page's
 * Content-Security-Policy runs only this file. */
'use strict';

const view = document.getElementById('view');
const stage = document.getElementById('stage');
const chart = document.getElementById('chart');
const statusEl = document.getElementById('status');
const problems = document.getElementById('problems');
const problemList = document.getElementById('problem-list');
const panel = document.getElementById('panel');

let zoom = { scale: 1, x: 0, y: 0 };
let fitted = false;
let state = null;      /* the last /state.json */
let shown = 0;         /* the version the page shows */
let loading = 0;       /* the version being loaded */
let picked = null;     /* the actor whose links the panel shows */

function place() {
  stage.style.transform =
    'translate(' + zoom.x + 'px,' + zoom.y + 'px) scale(' + zoom.scale + ')';
}

function fit() {
  const svg = chart.querySelector('svg');
  if (!svg) return;
  const w = svg.width.baseVal.value, h = svg.height.baseVal.value;
  const vw = view.clientWidth, vh = view.clientHeight;
  if (!w || !h || !vw || !vh) return;
  zoom.scale = Math.min(vw / w, vh / h) * 0.96;
  zoom.x = (vw - w * zoom.scale) / 2;
  zoom.y = (vh - h * zoom.scale) / 2;
  place();
  fitted = true;
}

function setStatus(text, cls) {
  statusEl.textContent = text;
  statusEl.className = cls;
}

/* The SVG's size in its own units (the viewBox), so that the view's
 * scale is the only one. */
function showChart(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') return false;
  const vb = svg.viewBox.baseVal;
  if (vb && vb.width) {
    svg.setAttribute('width', vb.width);
    svg.setAttribute('height', vb.height);
  }
  chart.replaceChildren(document.importNode(svg, true));
  if (!fitted) fit();
  return true;
}

function showProblems(list) {
  problemList.replaceChildren();
  for (const d of list) {
    if (d.severity === 'note') continue;
    const li = document.createElement('li');
    li.className = 'sev-' + d.severity;
    const where = document.createElement('span');
    where.className = 'where';
    let pos = d.file || '';
    if (d.line > 0) pos += ':' + d.line + ':' + d.column;
    where.textContent = pos + ': ' + d.severity + ': ';
    li.append(where, document.createTextNode(d.message));
    if (d.suggestion) {
      const fix = document.createElement('span');
      fix.className = 'fix';
      fix.textContent = 'suggestion: ' + d.suggestion;
      li.append(fix);
    }
    problemList.append(li);
  }
}

async function fetchOk(path) {
  const r = await fetch(path, { cache: 'no-store' });
  if (!r.ok) throw new Error(path + ': ' + r.status);
  return r;
}

/* Reads the state, and the chart after a good build; a later build that
 * overtakes this one wins. */
async function load(version) {
  loading = Math.max(loading, version);
  try {
    const st = await (await fetchOk('/state.json')).json();
    if (st.version < shown || version < loading) return;
    let text = null;
    if (st.ok) text = await (await fetchOk('/chart.svg')).text();
    if (version < loading) return;
    state = st;
    document.getElementById('file').textContent = st.file;
    document.title = 'relgraph watch: ' + st.file;
    if (st.ok && text !== null && showChart(text))
      document.body.dataset.shownAt = String(Date.now()); /* for make bench */
    const bad = !st.ok;
    chart.classList.toggle('stale', bad && chart.firstChild !== null);
    problems.hidden = !bad;
    if (bad) showProblems(st.diagnostics);
    setStatus(st.summary, bad ? 'bad' : 'ok');
    shown = st.version;
    document.body.dataset.version = String(st.version);
    document.body.dataset.ok = String(st.ok);
    if (picked) showLinks(picked);
  } catch (e) {
    setStatus('cannot read the build: ' + e.message, 'off');
  }
}

/* The actor of a chart element, by its id: <prefix>-actor-<id>. */
function actorOf(target) {
  const g = target.closest && target.closest('g.node');
  if (!g || !state) return null;
  const graph = chart.querySelector('g.graph');
  const prefix = graph ? graph.id.replace(/-graph0$/, '') : '';
  for (const a of state.actors)
    if (g.id === prefix + '-actor-' + a.id) return a;
  return null;
}

function linkItem(k, id) {
  const li = document.createElement('li');
  const other = k.from === id ? k.to_name : k.from_name;
  const arrow = k.from === id ? (k.directed ? '\u2192 ' : '\u2014 ')
                              : (k.directed ? '\u2190 ' : '\u2014 ');
  const st = document.createElement('span');
  st.className = 'status';
  st.textContent = k.status;
  const name = document.createElement('strong');
  name.textContent = other;
  li.append(document.createTextNode(arrow), name,
            document.createTextNode((k.label ? ': ' + k.label : '') + ', '), st);
  const who = [];
  if (k.claimed_by.length) who.push('claimed by ' + k.claimed_by.join(', '));
  if (k.disputed_by.length) who.push('disputed by ' + k.disputed_by.join(', '));
  if (k.date) who.push(k.date);
  if (who.length) li.append(document.createTextNode(' (' + who.join('; ') + ')'));
  for (const s of k.sources) {
    const src = document.createElement('div');
    src.textContent = 'source: ' + s.title;
    li.append(src);
  }
  if (k.quote) {
    const q = document.createElement('blockquote');
    q.textContent = k.quote;
    li.append(q);
  }
  return li;
}

function showLinks(a) {
  picked = a;
  const list = document.getElementById('panel-links');
  list.replaceChildren();
  document.getElementById('panel-title').textContent = a.name;
  const mine = state.links.filter(k => k.from === a.id || k.to === a.id);
  for (const k of mine) list.append(linkItem(k, a.id));
  if (!mine.length) {
    const li = document.createElement('li');
    li.textContent = 'no links';
    list.append(li);
  }
  panel.hidden = false;
}

let drag = null;
view.addEventListener('mousedown', e => {
  drag = { x: e.clientX - zoom.x, y: e.clientY - zoom.y, moved: false };
  view.classList.add('dragging');
});
window.addEventListener('mousemove', e => {
  if (!drag) {
    const a = actorOf(e.target);
    if (a && a !== picked) showLinks(a);
    return;
  }
  zoom.x = e.clientX - drag.x;
  zoom.y = e.clientY - drag.y;
  drag.moved = true;
  place();
});
window.addEventListener('mouseup', e => {
  const moved = drag && drag.moved;
  drag = null;
  view.classList.remove('dragging');
  if (!moved) {
    const a = actorOf(e.target);
    if (a) showLinks(a);
  }
});
view.addEventListener('wheel', e => {
  e.preventDefault();
  const r = view.getBoundingClientRect();
  const px = e.clientX - r.left, py = e.clientY - r.top;
  const f = Math.exp(-e.deltaY * 0.0015);
  zoom.x = px - (px - zoom.x) * f;
  zoom.y = py - (py - zoom.y) * f;
  zoom.scale *= f;
  place();
}, { passive: false });
document.getElementById('fit').addEventListener('click', fit);
document.getElementById('panel-close').addEventListener('click', () => {
  panel.hidden = true;
  picked = null;
});

/* The event stream; when it breaks (the server stopped), tries again
 * after 0.5 s, then twice as long each time, up to 10 s. */
let backoff = 500;
function connect() {
  const es = new EventSource('/events');
  es.addEventListener('open', () => { backoff = 500; shown = 0; loading = 0; });
  es.addEventListener('build', e => load(JSON.parse(e.data).version));
  es.addEventListener('error', () => {
    es.close();
    setStatus('disconnected; trying again in ' + backoff / 1000 + ' s', 'off');
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 10000);
  });
}
connect();
