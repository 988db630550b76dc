// compare.js: the comparison of administrations (GraphQL compare). A
// heatmap of groups (administrations, countries, levels of government, or
// two of these) × measures, coloured by column; sortable by any column;
// filtered by the administrations' country and level, the engagements'
// phase, sector and influence, and a window of years; a click on a cell
// lists the records behind it; the index's formula and every measure's
// description are shown; the table downloads as CSV. The page's URL takes
// the parameters of /compare.csv, which it links to.
'use strict';
(function () {
  const cg = window.cg;
  const h = cg.h;

  // The measures shown when none are chosen: one or two of each family.
  const headline = ['procurements', 'engagements', 'coverage', 'diversity', 'influenceMax', 'involveShare', 'institutionalised', 'transparency', 'index'];
  const groupings = [['administration', 'Administration'], ['country', 'Country'], ['level', 'Level of government'], ['country,level', 'Country and level']];
  const phases = [['', 'Any phase'], ['purpose', 'Purpose'], ['delivery', 'Delivery'], ['impact', 'Impact']];
  const params = ['groupBy', 'measures', 'from', 'to', 'level', 'country', 'text', 'phase', 'sector', 'influenceLevel'];

  const cellFields = 'measure value basis counted missing missingShare concept { label(lang: $lang) } parts { part measure value weight }';
  const compareQuery = `query Compare($admins: Filter, $groupBy: String, $measures: [String!], $window: YearWindow, $filter: CompareFilter, $lang: String) {
  compare(administrations: $admins, groupBy: $groupBy, measures: $measures, window: $window, filter: $filter) {
    groupBy administrations undated unattributed yearFrom yearTo
    measures { id label family unit basis description }
    weights { part measure weight }
    rows { key label administrations node { __typename id } cells { ${cellFields} } }
    total { key label administrations cells { ${cellFields} } }
  }
}`;

  // argsOf turns the page's parameters into the arguments of compare.
  function argsOf(p) {
    const list = (k) => (p.get(k) ? p.get(k).split(',').map((s) => s.trim()).filter(Boolean) : null);
    const a = { groupBy: p.get('groupBy') || 'administration', measures: list('measures') || headline, lang: cg.lang() };
    const from = parseInt(p.get('from'), 10);
    const to = parseInt(p.get('to'), 10);
    if (!Number.isNaN(from) || !Number.isNaN(to)) a.window = { from: Number.isNaN(from) ? null : from, to: Number.isNaN(to) ? null : to };
    if (p.get('level') || p.get('country') || p.get('text')) a.admins = { level: list('level'), country: list('country'), text: p.get('text') || null };
    const f = { phase: list('phase'), sector: list('sector'), influenceLevel: list('influenceLevel') };
    if (f.phase || f.sector || f.influenceLevel) a.filter = f;
    return a;
  }

  // format shows a figure by its unit.
  function format(cell, m) {
    if (!cell || cell.value === null || cell.value === undefined) return '—';
    if (m.unit === 'level') return cell.concept && cell.concept.label ? cell.concept.label : String(cell.value);
    if (m.unit === 'share') return Math.round(cell.value * 100) + '%';
    if (m.unit === 'count') return String(Math.round(cell.value));
    return cell.value.toFixed(2);
  }
  // colour returns a blue of the share t (0 to 1) and the text colour,
  // black or white, that contrasts more with it.
  function colour(t) {
    const a = [239, 246, 255];
    const b = [8, 48, 107];
    const c = a.map((v, i) => Math.round(v + (b[i] - v) * t));
    const lum = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    return { bg: 'rgb(' + c.join(',') + ')', fg: (1.05) / (lum + 0.05) > (lum + 0.05) / 0.05 ? '#fff' : '#000' };
  }

  cg.routes['/compare'] = async function comparePage(main, p, current) {
    main.append(cg.title('Compare administrations'));
    const has = await cg.query('query HasCompare { __schema { queryType { fields { name } } } }');
    if (!has.__schema.queryType.fields.some((f) => f.name === 'compare')) {
      main.append(h('div', { class: 'card', role: 'note' }, h('p', {}, h('strong', {}, 'The comparison is not available on this server. '),
        'Its API (the GraphQL field compare) is not in this server\u2019s schema.')));
      return;
    }
    main.append(h('p', {}, 'How much, how diverse and how influential stakeholder engagement is in each administration\u2019s procurement of AI. Darker is higher, within each column; a dash is a figure the data cannot give (never a zero). Select a cell to see the records behind it.'));
    const args = argsOf(p);
    const all = await cg.query('query Measures { compare { measures { id label family unit description } } }');
    const allMeasures = all.compare.measures;

    // The form: rows, filters, window, measures.
    const form = h('form', { 'aria-label': 'What to compare' });
    const sel = (name, label, options, value) => h('div', { class: 'field' }, h('label', { for: 'cmp-' + name }, h('span', {}, label)),
      h('select', { id: 'cmp-' + name, name }, options.map(([v, t]) => h('option', { value: v, selected: v === (value || '') }, t))));
    const text = (name, label, value, extra) => h('div', { class: 'field' }, h('label', { for: 'cmp-' + name }, h('span', {}, label)),
      h('input', { type: extra && extra.type || 'text', id: 'cmp-' + name, name, value: value || '', size: extra && extra.size || 10, placeholder: extra && extra.placeholder, min: extra && extra.min, max: extra && extra.max }));
    const families = [...new Set(allMeasures.map((m) => m.family))];
    const chosen = new Set(args.measures);
    form.append(h('div', { class: 'row' },
      sel('groupBy', 'Rows', groupings, args.groupBy),
      text('country', 'Country', p.get('country'), { placeholder: 'ES, NL' }),
      sel('level', 'Level of government', [['', 'Any level'], ['national', 'National'], ['regional', 'Regional'], ['local', 'Local']], p.get('level')),
      sel('phase', 'Engagements at', phases, p.get('phase')),
      text('from', 'From year', p.get('from'), { type: 'number', size: 5, min: 1900, max: 2100 }),
      text('to', 'To year', p.get('to'), { type: 'number', size: 5, min: 1900, max: 2100 })),
    h('details', {}, h('summary', {}, 'Measures (' + chosen.size + ' of ' + allMeasures.length + ')'),
      h('div', { class: 'facets' }, families.map((fam) => h('fieldset', {}, h('legend', {}, fam),
        allMeasures.filter((m) => m.family === fam).map((m) => h('div', {}, h('label', { title: m.description },
          h('input', { type: 'checkbox', name: 'measure', value: m.id, checked: chosen.has(m.id) }), ' ' + m.label))))))),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Compare'), h('label', { for: 'cmp-empty' }, h('input', { type: 'checkbox', id: 'cmp-empty', checked: p.get('empty') !== '1' ? true : null }), ' Hide rows without procurements or engagements')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const fd = new FormData(form);
      const u = new URLSearchParams();
      for (const k of ['groupBy', 'country', 'level', 'phase', 'from', 'to']) { const v = String(fd.get(k) || '').trim(); if (v && !(k === 'groupBy' && v === 'administration')) u.set(k, v); }
      const ms = fd.getAll('measure');
      if (ms.length && ms.join(',') !== headline.join(',')) u.set('measures', ms.join(','));
      if (!form.querySelector('#cmp-empty').checked) u.set('empty', '1');
      cg.navigate('/compare' + (u.toString() ? '?' + u : ''));
    });
    main.append(form);

    const vars = { ...args };
    const d = await cg.query(compareQuery, vars);
    if (!current()) return;
    const m = d.compare;
    const measures = m.measures;
    const hideEmpty = p.get('empty') !== '1';
    const rows = m.rows.filter((r) => !hideEmpty || r.cells.some((c) => c.basis > 0));
    const hidden = m.rows.length - rows.length;

    // Summary and downloads.
    const serverParams = new URLSearchParams();
    for (const k of params) if (p.get(k)) serverParams.set(k, p.get(k));
    if (!p.get('measures')) serverParams.set('measures', args.measures.join(','));
    main.append(h('p', { class: 'hint' }, m.administrations + ' administrations in ' + m.rows.length + ' rows' + (hidden ? ' (' + hidden + ' without data hidden)' : '') +
      (m.undated ? '; ' + m.undated + ' records without a year left out by the window' : '') + (m.unattributed ? '; ' + m.unattributed + ' engagements belong to no administration' : '') + '.'),
    h('p', { class: 'downloads' }, h('button', { type: 'button', class: 'secondary', id: 'cmp-csv', onclick: () => {
      cg.download('compare.csv', 'text/csv', csvOf(m, rows));
      cg.announce('Downloaded the table as CSV');
    } }, 'Download this table as CSV'), h('a', { href: '/compare.csv?' + serverParams, download: true }, 'CSV from the server'), h('a', { href: '/compare.json?' + serverParams, download: true }, 'JSON')));

    // The heatmap.
    const ranges = measures.map((ms, i) => {
      const vals = rows.map((r) => r.cells[i].value).filter((v) => v !== null && v !== undefined);
      return { min: Math.min(...vals), max: Math.max(...vals) };
    });
    let sortBy = -1;
    let desc = false;
    const tbody = h('tbody');
    const drill = h('section', { class: 'drill-holder', 'aria-live': 'polite' });
    const heads = [];
    const fill = () => {
      const sorted = rows.slice();
      if (sortBy >= 0) {
        sorted.sort((a, b) => {
          const x = a.cells[sortBy].value;
          const y = b.cells[sortBy].value;
          if (x === null && y === null) return a.label.localeCompare(b.label);
          if (x === null) return 1;
          if (y === null) return -1;
          return (desc ? y - x : x - y) || a.label.localeCompare(b.label);
        });
      } else if (desc) sorted.reverse();
      cg.clear(tbody);
      for (const r of [...sorted, m.total]) {
        const isTotal = r === m.total;
        tbody.append(h('tr', { class: isTotal ? 'total' : null },
          h('th', { scope: 'row' }, isTotal ? 'All compared' : r.node && cg.isLocalID(r.node.id) ? h('a', { href: cg.pageURL(r.node.id) }, r.label) : r.label,
            h('span', { class: 'muted' }, r.administrations > 1 || isTotal ? ' (' + r.administrations + ')' : '')),
          measures.map((ms, i) => {
            const c = r.cells[i];
            const td = h('td', { class: 'cell' + (c.value === null ? ' missing' : '') });
            // A column whose figures are all the same has no colour.
            if (c.value !== null && !isTotal && ranges[i].max > ranges[i].min) {
              const rg = ranges[i];
              const t = (c.value - rg.min) / (rg.max - rg.min);
              const col = colour(t);
              td.style.background = col.bg;
              td.style.color = col.fg;
            }
            td.append(h('button', { type: 'button', 'aria-label': ms.label + ' for ' + (isTotal ? 'all compared' : r.label) + ': ' + format(c, ms) + ', on ' + c.basis + ' records',
              onclick: () => showDrill(drill, vars, m, r, ms, c, isTotal) }, format(c, ms)));
            return td;
          })));
      }
      heads.forEach((th, i) => th.setAttribute('aria-sort', i - 1 === sortBy ? (desc ? 'descending' : 'ascending') : 'none'));
    };
    const sortButton = (i, label, title) => h('button', { type: 'button', class: 'sort', title, onclick: () => {
      if (sortBy === i) desc = !desc; else { sortBy = i; desc = i >= 0; }
      fill();
      cg.announce('Sorted by ' + label + (desc ? ', highest first' : ', lowest first'));
    } }, label);
    const headRow = h('tr', {}, (() => { const th = h('th', { scope: 'col' }, sortButton(-1, 'Name', 'Sort by name')); heads.push(th); return th; })(),
      measures.map((ms, i) => { const th = h('th', { scope: 'col', class: 'num' }, sortButton(i, ms.label, ms.description)); heads.push(th); return th; }));
    main.append(h('div', { class: 'scroll' }, h('table', { class: 'heat' }, h('caption', { class: 'visually-hidden' }, 'Measures by ' + m.groupBy + '; buttons in the headers sort, buttons in the cells show the records behind them'),
      h('thead', {}, headRow), tbody)));
    fill();
    main.append(drill);

    // How the figures are made.
    main.append(h('section', { 'aria-labelledby': 'cmp-how' }, h('h2', { id: 'cmp-how' }, 'How the figures are computed'),
      h('dl', { class: 'props' }, measures.map((ms) => [h('dt', {}, ms.label, ' ', h('span', { class: 'muted' }, '(' + ms.id + ', ' + ms.unit + ', on ' + ms.basis + ')')), h('dd', {}, ms.description)])),
      h('h3', {}, 'The index'),
      h('p', {}, (allMeasures.find((x) => x.id === 'index') || {}).description || ''),
      h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Part'), h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col', class: 'num' }, 'Weight'))),
        h('tbody', {}, m.weights.map((w) => h('tr', {}, h('td', {}, w.part), h('td', {}, w.measure), h('td', { class: 'num' }, String(w.weight)))))))));
  };

  // showDrill lists the records behind one cell.
  async function showDrill(drill, vars, m, row, ms, cell, isTotal) {
    cg.clear(drill);
    const box = h('div', { class: 'drill card' });
    drill.append(box);
    box.append(h('h2', { tabindex: '-1' }, ms.label + ': ' + (isTotal ? 'all compared' : row.label)),
      h('p', {}, h('strong', {}, format(cell, ms)), ' — ' + ms.description),
      h('p', { class: 'muted' }, 'Rests on ' + cell.basis + ' ' + (ms.basis === 'procurements and engagements' ? 'records' : ms.basis) + '; ' + cell.counted + ' counted; ' + cell.missing + ' lacking the data.'));
    if (cell.parts && cell.parts.length) {
      box.append(h('ul', {}, cell.parts.map((pt) => h('li', {}, pt.part + ' (' + pt.measure + ', weight ' + pt.weight + '): ' + (pt.value === null ? 'missing' : pt.value.toFixed(2))))));
    }
    const which = h('select', { id: 'drill-which' }, [['BASIS', 'All it rests on (' + cell.basis + ')'], ['COUNTED', 'Counted (' + cell.counted + ')'], ['MISSING', 'Lacking the data (' + cell.missing + ')']].map(([v, t]) => h('option', { value: v }, t)));
    const list = h('ul', { class: 'plain' });
    const more = h('button', { type: 'button', class: 'secondary' }, 'More');
    box.append(h('label', { for: 'drill-which' }, 'Records: ', which), list);
    box.querySelector('h2').focus();
    let after = null;
    const load = async (reset) => {
      if (reset) { after = null; cg.clear(list); more.remove(); }
      const byID = m.groupBy === 'administration' && !isTotal;
      const v = { ...vars, ids: byID ? [row.key] : null, which: which.value, measure: ms.id, after, lang: cg.lang() };
      const sel = `cell(measure: $measure) { records(which: $which, first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { __typename id label(lang: $lang) } } }`;
      const q = `query Drill($admins: Filter, $ids: [String!], $groupBy: String, $measures: [String!], $window: YearWindow, $filter: CompareFilter, $measure: String!, $which: CellRecords, $after: String, $lang: String) {
  compare(administrations: $admins, ids: $ids, groupBy: $groupBy, measures: $measures, window: $window, filter: $filter) { ${isTotal ? 'total { key ' + sel + ' }' : 'rows { key ' + sel + ' }'} }
}`;
      const d = await cg.query(q, v);
      const r = isTotal ? d.compare.total : d.compare.rows.find((x) => x.key === row.key);
      const recs = r && r.cell ? r.cell.records : { totalCount: 0, nodes: [], pageInfo: {} };
      if (!recs.nodes.length && !after) list.append(h('li', { class: 'muted' }, 'No records.'));
      for (const n of recs.nodes) list.append(h('li', {}, cg.nodeLink(n)));
      after = recs.pageInfo.hasNextPage ? recs.pageInfo.endCursor : null;
      if (after) box.append(more); else more.remove();
      cg.announce(recs.totalCount + ' records');
    };
    which.addEventListener('change', () => load(true).catch((e) => list.append(cg.errorBox(e))));
    more.addEventListener('click', () => load(false).catch((e) => list.append(cg.errorBox(e))));
    await load(true);
  }

  // csvOf writes the table: one line per row, the figure of each measure,
  // then how many records it rests on and how many lack the data.
  function csvOf(m, rows) {
    const q = (s) => (/[",\n\r]/.test(String(s)) ? '"' + String(s).replace(/"/g, '""') + '"' : String(s));
    const head = ['key', 'label', 'administrations'];
    for (const ms of m.measures) head.push(ms.id, ms.id + '.basis', ms.id + '.missing');
    const lines = [head.map(q).join(',')];
    for (const r of [...rows, m.total]) {
      const line = [r.key, r === m.total ? 'All compared' : r.label, r.administrations];
      for (const c of r.cells) line.push(c.value === null ? '' : c.value, c.basis, c.missing);
      lines.push(line.map(q).join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }
})();
