// walk.mjs: the explorer in a real browser. Run by web's
// TestBrowser_Walk (go test ./web/) as
//
//	node walk.mjs BASE_URL PLAYWRIGHT_DIR ARTEFACTS_DIR TOKEN PROFILE_DIR
//
// It drives Debian's chromium through npm's playwright-core and walks, at
// 1280 and at 390 pixels wide: start page → search → entity page → click
// a neighbour → bibliography filter and download → GraphQL console query
// → import page with a token → comparison. It fails on any console error,
// page error, failed request or HTTP error it did not cause on purpose,
// saves a screenshot of every step into ARTEFACTS_DIR, and prints page
// times (not asserted).
import { createRequire } from 'node:module';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [base, pwDir, artefacts, token, profile] = process.argv.slice(2);
const require = createRequire(path.join(pwDir, 'node_modules', 'x.js'));
const { chromium } = require('playwright-core');

const problems = [];
const times = [];
function fail(msg) { problems.push(msg); console.log('PROBLEM ' + msg); }
function check(cond, msg) { if (!cond) fail(msg); }

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CIVICGRAPH_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  acceptDownloads: true,
  viewport: { width: 1280, height: 900 },
});
context.setDefaultTimeout(15000);

async function ready(page, what) {
  await page.waitForSelector('main[data-ready="true"]', { timeout: 15000 });
  const ms = await page.$eval('main', (m) => Number(m.dataset.ms || 0));
  times.push([what, ms]);
}

async function shot(page, width, name) {
  const file = path.join(artefacts, `${String(width)}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

async function noOverflow(page, width, what) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  check(sw <= width + 1, `${what} at ${width} px: the page is ${sw} px wide, wider than the screen`);
}

async function labelled(page, what) {
  // Every control has a name: a label, aria-label or aria-labelledby.
  const unnamed = await page.$$eval('main input, main select, main textarea, main button', (els) => els.filter((e) => {
    if (e.type === 'hidden' || e.closest('[hidden]')) return false;
    if (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')) return false;
    if (e.labels && e.labels.length) return false;
    if (e.tagName === 'BUTTON' && e.textContent.trim()) return false;
    return true;
  }).map((e) => e.outerHTML.slice(0, 80)));
  check(!unnamed.length, `${what}: controls without a label: ${unnamed.join(' | ')}`);
}

async function contrast(page, what) {
  // Text against the background it is drawn on: 4.5:1, 3:1 when large.
  const low = await page.evaluate(() => {
    const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    const bg = (el) => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c;
      }
      return [255, 255, 255];
    };
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      if (el.closest('svg, .visually-hidden, [hidden], option, textarea, input, select') || !el.getClientRects().length) continue;
      const st = getComputedStyle(el);
      if (st.visibility === 'hidden' || Number(st.opacity) === 0) continue;
      const a = lum(rgb(st.color));
      const b = lum(bg(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const size = parseFloat(st.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
    }
    return out.slice(0, 5);
  });
  check(!low.length, `${what}: text with too little contrast: ${low.join('; ')}`);
}

async function walk(width) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  let expectStatus = new Set();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs a response it was told to expect as an error too.
    for (const st of expectStatus) if (m.text().includes('status of ' + st)) return;
    fail(`console error at ${width} px on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => fail(`page error at ${width} px on ${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Aborted on purpose: a download handed to the browser, a search
    // superseded by the next keystroke (the page aborts it), or a request
    // still running when the walk leaves the page. Logged, not failed.
    if (r.failure() && /ERR_ABORTED/.test(r.failure().errorText)) {
      console.log(`aborted at ${width} px: ${r.method()} ${r.url()} on ${page.url()}`);
      return;
    }
    fail(`request failed at ${width} px: ${r.method()} ${r.url()}: ${r.failure() && r.failure().errorText}`);
  });
  page.on('response', (r) => { if (r.status() >= 400 && !expectStatus.has(r.status())) fail(`HTTP ${r.status()} at ${width} px: ${r.request().method()} ${r.url()}`); });

  // Start page.
  let t0 = Date.now();
  await page.goto(base + '/');
  await ready(page, `start (${width})`);
  times.push([`start load (${width}), ms from navigation`, Date.now() - t0]);
  check((await page.textContent('main h1')) === 'civicgraph', 'start page heading');
  await page.waitForSelector('text=What the store holds');
  await page.waitForSelector('main table tbody tr');
  check(await page.$('a[href="/compare"]') !== null, 'start page links to compare');
  check(await page.$('a[href="/console"]') !== null, 'start page links to the console');
  await labelled(page, 'start');
  // Keyboard: the first Tab reaches the skip link, which leads to the content.
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.classList.contains('skip')), 'the first Tab reaches the skip link');
  await page.keyboard.press('Enter');
  check(await page.evaluate(() => location.hash === '#main'), 'the skip link leads to the content');
  await contrast(page, 'start');
  await noOverflow(page, width, 'start');
  await shot(page, width, '01-start');

  // Search as you type.
  const box = page.locator('main input[type=search]').first();
  await box.click();
  await box.pressSequentially('barcel', { delay: 40 });
  await page.waitForSelector('main .hit a');
  check(await page.$('main .group h2') !== null, 'search results are grouped by class');
  check(await page.$('main .hit mark, main .hit .snippet') !== null, 'search results say why they matched');
  await shot(page, width, '02-search');

  // Entity page: the administration found.
  t0 = Date.now();
  await page.click('main .hit a[href="/page/actor/ajuntament-de-barcelona"]');
  await page.waitForURL('**/page/actor/ajuntament-de-barcelona');
  await ready(page, `entity (${width})`);
  times.push([`entity page (${width}), ms from click`, Date.now() - t0]);
  await page.waitForSelector('main svg .node-g');
  times.push([`neighbourhood picture (${width}), ms to fetch, lay out and draw`, await page.$eval('main svg', (s) => Number(s.closest('.graph-wrap').parentNode.dataset.ms))]);
  times.push([`neighbourhood layout (${width}), ms`, await page.$eval('main svg', (s) => Number(s.closest('.graph-wrap').parentNode.dataset.layoutMs))]);
  check((await page.textContent('main h1')).includes('Barcelona'), 'entity heading');
  for (const id of ['props', 'refs', 'nbh', 'dl']) check(await page.$('#' + id) !== null, `entity page has section ${id}`);
  check(await page.$('a[href="/data/actor/ajuntament-de-barcelona.ttl"]') !== null, 'entity page links its Turtle');
  check(await page.$('a[href^="/dump?format=nq&entity="]') !== null, 'entity page links the dump');
  // Every download link answers, in the type its format names (issue 11 serves them).
  const downloads = await page.$$eval('section[aria-labelledby="dl"] a[href^="/data/"], section[aria-labelledby="dl"] a[href^="/dump?"]', (as) => as.map((a) => a.getAttribute('href')));
  check(downloads.filter((d) => d.startsWith('/data/')).length === 4 && downloads.length === 10, `entity page has ${downloads.length} download links, want the description in 4 syntaxes and the dump in 6`);
  for (const href of downloads) {
    const r = await page.request.get(new URL(href, page.url()).href);
    check(r.status() === 200 && (await r.body()).length > 0, `download ${href}: status ${r.status()}`);
  }
  const nodes = await page.$$eval('main svg .node-g', (gs) => gs.length);
  check(nodes > 20, `the neighbourhood at depth 2 has ${nodes} nodes, want more than 20`);
  // Through the sources, the picture holds 200 nodes.
  await page.check('#nb-sources');
  await page.waitForFunction(() => document.querySelectorAll('main svg .node-g').length >= 200);
  times.push([`neighbourhood of 200 nodes (${width}), ms to fetch, lay out and draw`, await page.$eval('main svg', (s) => Number(s.closest('.graph-wrap').parentNode.dataset.ms))]);
  await shot(page, width, '03-entity-200');
  await page.uncheck('#nb-sources');
  await page.waitForFunction((n) => document.querySelectorAll('main svg .node-g').length === n, nodes);
  check(await page.$('main .legend li') !== null, 'the neighbourhood has a legend');
  await labelled(page, 'entity');
  await contrast(page, 'entity');
  await noOverflow(page, width, 'entity');
  await shot(page, width, '03-entity');
  // Click a neighbour in the picture.
  const target = page.locator('main svg .node-g[role=link][data-id^="concept/sector/"]').first();
  const targetID = await target.getAttribute('data-id');
  t0 = Date.now();
  await target.locator('circle').click();
  await page.waitForURL('**/page/' + targetID);
  await ready(page, `neighbour (${width})`);
  times.push([`neighbour page (${width}), ms from click`, Date.now() - t0]);
  await page.waitForSelector('main svg .node-g');
  await shot(page, width, '04-neighbour');
  // Labels in Catalan: the concept has them in en, ca and es.
  await page.selectOption('#lang', 'ca');
  await ready(page, `neighbour in ca (${width})`);
  await page.waitForSelector('main svg .node-g');
  check((await page.textContent('#labels + dl dt')).startsWith('ca'), 'the chosen language comes first among the labels');
  const caTitle = await page.textContent('main h1');
  await page.selectOption('#lang', 'en');
  await ready(page, `neighbour in en (${width})`);
  await page.waitForSelector('main svg .node-g');
  check(caTitle !== await page.textContent('main h1'), 'the heading follows the chosen language');
  // Keyboard: focus a node and press Enter.
  await page.focus('main svg .node-g[role=link]:not([data-id="' + targetID + '"])');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('data-id'));
  await page.keyboard.press('Enter');
  await page.waitForURL('**/page/' + focused);
  await ready(page, `keyboard neighbour (${width})`);

  // Paths.
  await page.goto(base + '/paths?from=actor/ajuntament-de-barcelona&to=reference/pena-lopez-2025-meaningful&max=4');
  await ready(page, `paths (${width})`);
  check(await page.$('main ol li.path') !== null, 'a path is found');
  await noOverflow(page, width, 'paths');
  await shot(page, width, '05-paths');

  // Bibliography: filter by a year facet, then download a selection.
  await page.goto(base + '/bibliography');
  await ready(page, `bibliography (${width})`);
  const before = await page.$$eval('main ol.refs > li', (l) => l.length);
  check(before > 50, `the bibliography lists ${before} references, want more than 50`);
  const yearBtn = page.locator('main .facet[aria-label="Year"] button').first();
  const year = (await yearBtn.textContent()).trim();
  await yearBtn.click();
  await page.waitForURL(`**/bibliography?yearFrom=${year}&yearTo=${year}`);
  await ready(page, `bibliography filtered (${width})`);
  const after = await page.$$eval('main ol.refs > li', (l) => l.length);
  check(after > 0 && after < before, `the year filter left ${after} of ${before} references`);
  await page.fill('#bib-text', 'governance');
  await page.click('main form button[type=submit]');
  await page.waitForURL(/text=governance/);
  await ready(page, `bibliography text (${width})`);
  await page.check('#ref-0');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('main button:text-is("BibTeX")')]);
  const bib = readFileSync(await download.path(), 'utf8');
  check(/^@\w+\{/.test(bib) && (bib.match(/^@/gm) || []).length === 1, 'the BibTeX download holds the one selected reference: ' + bib.slice(0, 80));
  const [ris] = await Promise.all([page.waitForEvent('download'), page.click('main button:text-is("RIS")')]);
  check(/^TY {2}- /.test(readFileSync(await ris.path(), 'utf8')), 'the RIS download starts with TY');
  const [csl] = await Promise.all([page.waitForEvent('download'), page.click('main button:text-is("CSL-JSON")')]);
  check(JSON.parse(readFileSync(await csl.path(), 'utf8')).length === 1, 'the CSL-JSON download has one item');
  await labelled(page, 'bibliography');
  await contrast(page, 'bibliography');
  await noOverflow(page, width, 'bibliography');
  await shot(page, width, '06-bibliography');

  // GraphQL console, opened as a browser opens /graphql.
  await page.goto(base + '/graphql');
  await ready(page, `console (${width})`);
  check((await page.textContent('main h1')) === 'GraphQL console', 'GET /graphql from a browser opens the console');
  await page.waitForSelector('#gql-schema details');
  await page.fill('#gql-query', '{ stats { quads } administrations(first: 2) { totalCount nodes { id label } } }');
  await page.click('#gql-run');
  await page.waitForFunction(() => document.querySelector('#gql-result').textContent.includes('"quads"'));
  await page.fill('#gql-query', '{ nosuchfield }');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('#gql-result .error');
  check((await page.textContent('#gql-result .error')).includes('nosuchfield'), 'the console shows the error plainly');
  // Every example runs without errors on the seeded store.
  const nExamples = await page.$$eval('#gql-example option', (o) => o.length - 1);
  check(nExamples >= 6, `the console has ${nExamples} examples`);
  for (let i = 0; i < nExamples; i++) {
    await page.selectOption('#gql-example', String(i));
    await page.click('#gql-run');
    await page.waitForFunction(() => !document.querySelector('#gql-run').disabled && /"data"|Error|error/.test(document.querySelector('#gql-result').textContent));
    check(!(await page.$('#gql-result .error')), `example ${i} of the console returns errors: ${(await page.textContent('#gql-result')).slice(0, 200)}`);
  }
  await labelled(page, 'console');
  await contrast(page, 'console');
  await noOverflow(page, width, 'console');
  await shot(page, width, '07-console');

  // Import with the token: a good file, then one with errors, then a
  // wrong token (the server answers 401, on purpose).
  await page.goto(base + '/import');
  await ready(page, `import (${width})`);
  await page.fill('#imp-token', token);
  await page.setInputFiles('#imp-file', { name: `browser-${width}.ttl`, mimeType: 'text/turtle',
    buffer: Buffer.from('@prefix cg: <https://w3id.org/civicgraph/ns#> .\n<https://w3id.org/civicgraph/id/actor/browser-test-' + width + '> a cg:Actor .\n') });
  await page.click('main form button[type=submit]');
  await page.waitForSelector('main .ok');
  check((await page.textContent('main .ok')).includes('quads written'), 'the import reports what it wrote');
  await shot(page, width, '08-import');
  await page.setInputFiles('#imp-file', { name: 'broken.ttl', mimeType: 'text/turtle', buffer: Buffer.from('@prefix cg: <https://w3id.org/civicgraph/ns#> .\n\n<a> <b> .\n') });
  await page.click('main form button[type=submit]');
  await page.waitForSelector('main .error ol.errors li');
  check(/line/i.test(await page.textContent('main .error')), 'an import error names its line');
  await shot(page, width, '09-import-error');
  expectStatus = new Set([401]);
  await page.fill('#imp-token', 'not-the-token-at-all');
  await page.click('main form button[type=submit]');
  await page.waitForSelector('main .error');
  check((await page.textContent('main .error')).includes('token'), 'a wrong token is said to be refused');
  expectStatus = new Set();
  await labelled(page, 'import');
  await contrast(page, 'import');
  await noOverflow(page, width, 'import');

  // Comparison.
  await page.goto(base + '/compare');
  await ready(page, `compare (${width})`);
  // The heatmap: sort by a column, drill down into a cell, download.
  check(await page.$('main .heat') !== null, 'the comparison shows a heatmap');
  const rowsShown = await page.$$eval('main .heat tbody tr', (r) => r.length);
  check(rowsShown >= 5, `the heatmap has ${rowsShown} rows, want the illustrative administrations and the total`);
  await page.click('main .heat thead th:nth-child(3) button.sort');
  check((await page.getAttribute('main .heat thead th:nth-child(3)', 'aria-sort')) === 'descending', 'a column header sorts, highest first');
  const firstTwo = await page.$$eval('main .heat tbody tr td:nth-child(3)', (tds) => tds.slice(0, 2).map((td) => parseFloat(td.textContent)));
  check(firstTwo[0] >= firstTwo[1], `sorted highest first: ${firstTwo}`);
  await page.click('main .heat tbody tr:first-child td.cell:nth-child(3) button');
  await page.waitForSelector('main .drill li');
  const records = await page.$$eval('main .drill ul.plain a', (a) => a.length);
  check(records > 0, 'the drill-down lists the records behind the cell');
  check(await page.evaluate(() => document.activeElement && document.activeElement.closest('.drill') !== null), 'the drill-down takes the focus');
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#cmp-csv')]);
  const csvText = readFileSync(await csvDl.path(), 'utf8');
  check(csvText.startsWith('key,label,administrations,') && csvText.split('\r\n').length >= rowsShown, 'the CSV has a header and a line per row: ' + csvText.slice(0, 80));
  check(await page.$('main a[href^="/compare.csv?"]') !== null, 'the comparison links the server\'s CSV');
  // Grouped by country, with a filter on the phase.
  await page.selectOption('#cmp-groupBy', 'country');
  await page.selectOption('#cmp-phase', 'purpose');
  await page.click('main form button[type=submit]');
  await page.waitForURL(/groupBy=country/);
  await ready(page, `compare by country (${width})`);
  await page.waitForSelector('main .heat tbody tr');
  await labelled(page, 'compare');
  await contrast(page, 'compare');
  await noOverflow(page, width, 'compare');
  await shot(page, width, '10-compare');
  await page.close();
}

try {
  await walk(1280);
  await walk(390);
} catch (e) {
  fail('walk stopped: ' + (e && e.stack ? e.stack : e));
} finally {
  await context.close();
}
writeFileSync(path.join(artefacts, 'times.json'), JSON.stringify(times, null, 1));
for (const [what, ms] of times) console.log(`time ${what}: ${ms} ms`);
if (problems.length) {
  console.log(`${problems.length} problems`);
  process.exit(1);
}
console.log('walk ok');
