/* The live page of relgraph watch --serve in headless Chromium, driven
 * over the DevTools protocol (--remote-debugging-pipe: no port, no
 * package). It starts `relgraph watch DOC --serve 0`, opens the page, and
 * saves DOC as an editor would, checking the page after each save:
 *   good (in place)  the new chart, the view (zoom, position) kept
 *   bad (in place)   the diagnostics (file:line:col, message, "did you
 *                    mean"), as text, over the last good chart, greyed
 *   fixed (rename)   the new chart, no diagnostics, nothing grey
 *   bad (rename), fixed (in place)  the same again
 * It also checks that the first load fits the chart to the window, that
 * hovering an actor lists its links with status, source and quote, and
 * that the page reconnects and shows the build of a restarted server.
 * A screenshot of the bad save over the stale chart, with an actor's
 * links open, goes to OUT/watch-page.png.
 *
 *   node page.js CHROMIUM RELGRAPH DOC OUT
 *   WATCH_BENCH=N node page.js ...   the timings of make bench instead
 *
 * Prints "ok NAME" or "FAIL NAME: why" per check. */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const [chromium, relgraph, doc, out] = process.argv.slice(2);
let failures = 0;
function check(name, ok, why) {
  if (ok) console.log('ok ' + name);
  else { failures++; console.log('FAIL ' + name + ': ' + (why || '')); }
}
const sleep = ms => new Promise(r => setTimeout(r, ms));

/* Chromium and its protocol: messages end with a NUL on fds 3 and 4. */
const profile = fs.mkdtempSync(path.join(out, 'profile-'));
const log = fs.openSync(path.join(out, 'page.chromium.log'), 'w');
const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu',
  '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--hide-scrollbars', '--remote-debugging-pipe',
  '--user-data-dir=' + profile, '--window-size=1400,900'],
  { stdio: ['ignore', log, log, 'pipe', 'pipe'] });
let nextId = 1, pending = new Map(), inbuf = '', session = null;
browser.stdio[4].on('data', d => {
  inbuf += d.toString();
  let i;
  while ((i = inbuf.indexOf('\0')) >= 0) {
    const msg = JSON.parse(inbuf.slice(0, i));
    inbuf = inbuf.slice(i + 1);
    const p = pending.get(msg.id);
    if (p) { pending.delete(msg.id); msg.error ? p.reject(new Error(msg.error.message)) : p.resolve(msg.result); }
  }
});
function send(method, params, sessionId) {
  const id = nextId++;
  browser.stdio[3].write(JSON.stringify({ id, method, params: params || {}, sessionId }) + '\0');
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
const page = (method, params) => send(method, params, session);
async function js(expr) {
  const r = await page('Runtime.evaluate', { expression: expr, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.text + ' in ' + expr);
  return r.result.value;
}
async function until(expr, ms) {
  const end = Date.now() + (ms || 15000);
  while (Date.now() < end) {
    try { if (await js(expr)) return true; } catch (e) { /* not yet */ }
    await sleep(50);
  }
  return false;
}

/* relgraph watch, on a port of its choice or the given one. */
let watcher = null;
function startWatch(port) {
  return new Promise((resolve, reject) => {
    watcher = spawn(relgraph, ['watch', path.basename(doc), '--serve', String(port)],
      { cwd: path.dirname(doc), stdio: ['ignore', 'pipe', fs.openSync(path.join(out, 'watch.err'), 'a')] });
    let text = '';
    watcher.stdout.on('data', d => {
      text += d;
      const m = /127\.0\.0\.1:(\d+)\//.exec(text);
      if (m) resolve(Number(m[1]));
    });
    watcher.on('exit', c => reject(new Error('relgraph watch ended: ' + c)));
  });
}

const good = fs.readFileSync(doc, 'utf8');
function saveInPlace(text) { fs.writeFileSync(doc, text); }
function saveByRename(text) { fs.writeFileSync(doc + '.tmp', text); fs.renameSync(doc + '.tmp', doc); }
const named = n => good.replace('"name": "Deep Panda"', '"name": "' + n + '"');
/* A bad save: a status that does not exist, next to an unknown key whose
 * name is markup (it must show as text). */
const bad = n => named(n).replace('"status": "confirmed"', '"status": "confirmd"')
  .replace('"kind": "group",', '"kind": "group", "<b id=\\"inj\\">x</b>": 1,');

const version = () => js('Number(document.body.dataset.version || 0)');
async function waitBuild(v, ok) {
  return until(`document.body.dataset.version === '${v}' && document.body.dataset.ok === '${ok}'`);
}
const chartHas = t => js(`document.querySelector('#chart svg') !== null && document.getElementById('chart').textContent.includes(${JSON.stringify(t)})`);
const transform = () => js('document.getElementById("stage").style.transform');

async function goodSave(v, name, how, save) {
  const before = await transform();
  save(named(name));
  check(`good save ${how}: a build`, await waitBuild(v, true));
  check(`good save ${how}: the new chart`, await chartHas(name));
  check(`good save ${how}: no diagnostics, nothing stale`,
    await js(`document.getElementById('problems').hidden && !document.getElementById('chart').classList.contains('stale')`));
  check(`good save ${how}: zoom and position kept`, (await transform()) === before, before + ' -> ' + (await transform()));
}

async function badSave(v, name, how, save) {
  save(bad(name + ' broken'));
  check(`bad save ${how}: a build`, await waitBuild(v, false));
  check(`bad save ${how}: diagnostics shown`, await js(`!document.getElementById('problems').hidden`));
  const text = await js(`document.getElementById('problem-list').textContent`);
  check(`bad save ${how}: file:line:col, message, suggestion`,
    /doc\.json:\d+:\d+: error: .*confirmd/.test(text) && /did you mean "confirmed"\?/.test(text) && text.includes("suggestion: confirmed"), text.slice(0, 300));
  check(`bad save ${how}: document text shown as text, not markup`,
    text.includes('<b id="inj">') && (await js(`document.getElementById('inj') === null`)));
  check(`bad save ${how}: the last good chart, greyed as stale`,
    (await chartHas(name)) && (await js(`document.getElementById('chart').classList.contains('stale')`)));
  check(`bad save ${how}: the status says so`, /failed: \d+ error/.test(await js(`document.getElementById('status').textContent`)));
}

async function hover(actor) {
  const pt = await js(`(() => { const g = [...document.querySelectorAll('#chart g.node')].find(e => e.id.endsWith('-actor-${actor}'));
    const r = g.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`);
  await page('Input.dispatchMouseEvent', { type: 'mouseMoved', x: pt[0], y: pt[1] });
}

/* WATCH_BENCH=N: N saves in place, each followed by the time from the
 * save to the new chart in the page (as the page noted it), a line
 * "bench SECONDS" each; no checks. */
async function bench(n) {
  for (let i = 1; i <= n; i++) {
    const t0 = Date.now();
    saveInPlace(named('Deep Panda ' + i));
    if (!await waitBuild(i + 1, true)) throw new Error('no build ' + (i + 1));
    const shown = Number(await js('document.body.dataset.shownAt'));
    console.log('bench ' + ((shown - t0) / 1000).toFixed(4));
    await sleep(300);
  }
}

async function main() {
  fs.writeFileSync(path.join(out, 'watch.err'), '');
  const port = await startWatch(0);
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  session = (await send('Target.attachToTarget', { targetId, flatten: true })).sessionId;
  await page('Page.enable');
  await page('Runtime.enable');
  await page('Page.navigate', { url: `http://127.0.0.1:${port}/` });
  if (process.env.WATCH_BENCH) {
    if (!await waitBuild(1, true)) throw new Error('no first build');
    return bench(Number(process.env.WATCH_BENCH));
  }
  check('first load: the chart', await waitBuild(1, true) && await chartHas('Deep Panda'));
  check('first load: fitted to the window', await js(`(() => { const s = document.querySelector('#chart svg').getBoundingClientRect(),
      v = document.getElementById('view').getBoundingClientRect();
      return s.left >= v.left - 1 && s.right <= v.right + 1 && s.top >= v.top - 1 && s.bottom <= v.bottom + 1 && (s.width > v.width * 0.9 || s.height > v.height * 0.9); })()`));
  const csp = await js(`(async () => (await fetch('/')).headers.get('content-security-policy'))()`);
  check('the page has its Content-Security-Policy', /script-src 'self'/.test(csp || ''), csp);
  /* Zoom in, around the middle: the updates must keep it. */
  const fitted = await transform();
  await page('Input.dispatchMouseEvent', { type: 'mouseWheel', x: 700, y: 450, deltaX: 0, deltaY: -300 });
  await sleep(100);
  check('the wheel zooms', (await transform()) !== fitted);
  await js(`document.getElementById('fit').click()`);
  check('"Fit to window" fits again', (await transform()) === fitted, fitted + ' vs ' + (await transform()));
  await hover('deep-panda');
  const panel = await js(`document.getElementById('panel').hidden ? '' : document.getElementById('panel').textContent`);
  check('hovering an actor lists its links, status, sources and quotes',
    panel.includes('Deep Panda') && /alleged|confirmed|claimed|disputed/.test(panel) && panel.includes('source: ') && panel.includes('Security researchers'), panel.slice(0, 200));

  let v = 1;
  await goodSave(++v, 'Deep Panda (APT19)', 'in place', saveInPlace);
  await badSave(++v, 'Deep Panda (APT19)', 'in place', saveInPlace);
  await hover('deep-panda');
  await sleep(200);
  const shot = await page('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(path.join(out, 'watch-page.png'), Buffer.from(shot.data, 'base64'));
  await goodSave(++v, 'Deep Panda (renamed)', 'by rename', saveByRename);
  await badSave(++v, 'Deep Panda (renamed)', 'by rename', saveByRename);
  await goodSave(++v, 'Deep Panda (fixed)', 'in place', saveInPlace);

  /* The server restarts on the same port: the page comes back. */
  watcher.removeAllListeners('exit');
  const ended = new Promise(r => watcher.on('exit', r));
  watcher.kill('SIGINT');
  await ended;
  check('disconnection shown', await until(`document.getElementById('status').className === 'off'`, 5000));
  saveInPlace(named('Deep Panda (restarted)'));
  await startWatch(port);
  check('reconnects after a restart and shows its chart',
    await until(`document.getElementById('chart').textContent.includes('Deep Panda (restarted)') && document.body.dataset.ok === 'true'`, 20000));
}

main().catch(e => check('the browser test ran to its end', false, e.stack))
  .finally(async () => {
    if (watcher) watcher.kill('SIGINT');
    browser.kill();
    await sleep(300);
    fs.rmSync(profile, { recursive: true, force: true });
    console.log(`watch-page: ${failures ? 'some checks failed' : 'all checks passed'}`);
    process.exit(failures ? 1 : 0);
  });
