// biblio.js: the bibliography page. References filtered on the server
// (Filter: text, author, publisher, citedBy, graph, language, yearFrom,
// yearTo), counted by year, author, publisher, language and source, and
// downloaded as BibTeX, RIS or CSL-JSON.
'use strict';
(function () {
  const cg = window.cg;
  const h = cg.h;
  // The cost limit allows about 200 references with their authors a page;
  // up to MAX are fetched, page by page.
  const PAGE = 200;
  const MAX = 1000;
  const refFields = `id iri types title(lang: $lang) year yearLabel issued container series publishers places urls doi languages
      authors { __typename id label ... on Person { familyName givenName } }
      editors { __typename id label ... on Person { familyName givenName } }`;
  const listFilters = ['author', 'publisher', 'citedBy', 'graph', 'language'];

  // filterOf reads the page's filter from the URL.
  function filterOf(params) {
    const f = {};
    for (const k of listFilters) { const v = params.getAll(k).filter(Boolean); if (v.length) f[k] = v; }
    for (const k of ['yearFrom', 'yearTo']) { const v = parseInt(params.get(k), 10); if (!Number.isNaN(v)) f[k] = v; }
    if (params.get('text')) f.text = params.get('text');
    return f;
  }
  function urlOf(f) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) for (const x of [].concat(v)) u.append(k, x);
    const s = u.toString();
    return '/bibliography' + (s ? '?' + s : '');
  }

  cg.routes['/bibliography'] = async function bibliography(main, params, current) {
    const f = filterOf(params);
    const lang = cg.lang();
    main.append(cg.title('Bibliography'), h('p', {}, 'The references in the store, with what cites what. Filter by the facets or the form; select references and download them.'));
    // The form.
    const form = h('form', { class: 'row', 'aria-label': 'Filter references' },
      h('div', { class: 'field' }, h('label', { for: 'bib-text' }, h('span', {}, 'Words')), h('input', { type: 'search', id: 'bib-text', name: 'text', value: f.text || '', placeholder: 'title, author, publisher' })),
      h('div', { class: 'field' }, h('label', { for: 'bib-from' }, h('span', {}, 'From year')), h('input', { type: 'number', id: 'bib-from', name: 'yearFrom', value: f.yearFrom || '', min: 1800, max: 2100, size: 5 })),
      h('div', { class: 'field' }, h('label', { for: 'bib-to' }, h('span', {}, 'To year')), h('input', { type: 'number', id: 'bib-to', name: 'yearTo', value: f.yearTo || '', min: 1800, max: 2100, size: 5 })),
      h('div', { class: 'field' }, h('label', { for: 'bib-lang' }, h('span', {}, 'Language')),
        h('select', { id: 'bib-lang', name: 'language' }, h('option', { value: '' }, 'Any'), [['en', 'English'], ['ca', 'Català'], ['es', 'Español']].map(([v, t]) => h('option', { value: v, selected: (f.language || []).includes(v) }, t)))),
      h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Filter')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const fd = new FormData(form);
      const nf = { ...f };
      for (const k of ['text', 'yearFrom', 'yearTo']) { const v = String(fd.get(k) || '').trim(); if (v) nf[k] = v; else delete nf[k]; }
      const l = fd.get('language');
      if (l) nf.language = [l]; else delete nf.language;
      cg.navigate(urlOf(nf));
    });
    main.append(form);
    // Active filters, each removable.
    const chips = h('div', { class: 'chips', 'aria-label': 'Active filters' });
    for (const [k, v] of Object.entries(f)) {
      for (const x of [].concat(v)) {
        chips.append(h('button', { type: 'button', 'aria-label': 'Remove filter ' + k + ' ' + x, onclick: () => {
          const nf = { ...f };
          if (Array.isArray(nf[k])) { nf[k] = nf[k].filter((y) => y !== x); if (!nf[k].length) delete nf[k]; } else delete nf[k];
          cg.navigate(urlOf(nf));
        } }, k + ': ' + x + ' ✕'));
      }
    }
    if (chips.childNodes.length) main.append(chips);

    const refs = [];
    let total = 0;
    let after = null;
    let d;
    do {
      d = await cg.query('query Bibliography($f: Filter, $first: Int, $after: String, $lang: String) { references(filter: $f, orderBy: YEAR, desc: true, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ' + refFields + ' } } stats { graphs { graph } } }', { f, first: PAGE, after, lang });
      if (!current()) return;
      refs.push(...d.references.nodes);
      total = d.references.totalCount;
      after = d.references.pageInfo.hasNextPage ? d.references.pageInfo.endCursor : null;
    } while (after && refs.length < MAX);
    // Publishers given as IRIs (organisations in the store) get their names.
    const iris = [...new Set(refs.flatMap((r) => (r.publishers || []).filter((p) => /^https?:/.test(p))))].slice(0, 100);
    const publishersDone = (async () => {
      if (!iris.length) return;
      const vars = { lang };
      const q = 'query Publishers($lang: String, ' + iris.map((_, i) => '$p' + i + ': String').join(', ') + ') { ' + iris.map((iri, i) => { vars['p' + i] = iri; return 'p' + i + ': node(iri: $p' + i + ') { label(lang: $lang) }'; }).join(' ') + ' }';
      const r = await cg.gql(q, vars);
      const names = new Map(iris.map((iri, i) => [iri, r.data && r.data['p' + i] && r.data['p' + i].label]));
      for (const ref of refs) {
        ref.publisherIRIs = ref.publishers;
        ref.publishers = (ref.publishers || []).map((p) => names.get(p) || p);
      }
    })();
    // Counts by source: one count per named graph, with this filter.
    const graphs = d.stats.graphs.map((g) => g.graph).filter((g) => g && !/\/(ontology|shapes|concepts)$/.test(g));
    let bySource = [];
    const sourcesDone = (async () => {
      if (graphs.length) {
        const vars = {};
        const parts = graphs.map((g, i) => { vars['f' + i] = { ...f, graph: [g] }; return 's' + i + ': references(filter: $f' + i + ', first: 1) { totalCount }'; });
        const q = 'query Sources(' + graphs.map((_, i) => '$f' + i + ': Filter').join(', ') + ') { ' + parts.join(' ') + ' }';
        const r = await cg.gql(q, vars);
        if (r.data) bySource = graphs.map((g, i) => [g.replace('https://w3id.org/civicgraph/graph/', ''), r.data['s' + i].totalCount]).filter(([, c]) => c > 0);
      }
    })();
    // The two run at once.
    await Promise.all([publishersDone, sourcesDone]);
    const count = (keyf) => {
      const m = new Map();
      for (const r of refs) for (const [k, label] of keyf(r)) { const e = m.get(k) || { label, n: 0 }; e.n++; m.set(k, e); }
      return [...m].sort((a, b) => b[1].n - a[1].n || String(a[1].label).localeCompare(String(b[1].label)));
    };
    const years = count((r) => (r.year ? [[r.year, String(r.year)]] : [])).sort((a, b) => b[0] - a[0]);
    const authors = count((r) => (r.authors || []).map((a) => [a.id, a.label || a.id]));
    const publishers = count((r) => (r.publishers || []).map((p, i) => [(r.publisherIRIs || r.publishers)[i], p]));
    const languages = count((r) => (r.languages || []).map((l) => [l, l]));
    const facet = (title, entries, apply, active) => h('section', { class: 'facet', 'aria-label': title },
      h('h2', {}, title, ' ', h('span', { class: 'count' }, '(' + entries.length + ')')),
      entries.length ? h('ul', {}, entries.map(([k, e]) => h('li', {}, h('button', { type: 'button', 'aria-pressed': active(k) ? 'true' : 'false', onclick: () => cg.navigate(urlOf(apply(k))) }, e.label), h('span', { class: 'count' }, e.n))))
        : h('p', { class: 'muted' }, 'None'));
    const add = (k, v) => { const nf = { ...f }; nf[k] = [...new Set([...(nf[k] || []), String(v)])]; return nf; };
    main.append(h('div', { class: 'facets' },
      facet('Year', years, (y) => ({ ...f, yearFrom: y, yearTo: y }), (y) => f.yearFrom === y && f.yearTo === y),
      facet('Author', authors, (a) => add('author', a), (a) => (f.author || []).includes(a)),
      facet('Publisher', publishers, (p) => add('publisher', p), (p) => (f.publisher || []).includes(p)),
      facet('Source', bySource.map(([g, n]) => [g, { label: g, n }]), (g) => add('graph', g), (g) => (f.graph || []).includes(g)),
      facet('Language', languages, (l) => ({ ...f, language: [l] }), (l) => (f.language || []).includes(l))));
    if (total > refs.length) main.append(h('p', { class: 'hint' }, 'Counts of year, author, publisher and language are over the first ' + refs.length + ' of ' + total + ' references; narrow the filter to count them all.'));

    // The list, with a selection to download.
    const selectAll = h('input', { type: 'checkbox', id: 'bib-all' });
    const status = h('span', { class: 'muted', 'aria-live': 'polite' });
    const boxes = [];
    const selected = () => { const s = refs.filter((_, i) => boxes[i].checked); return s.length ? s : refs; };
    const updateStatus = () => {
      const n = boxes.filter((b) => b.checked).length;
      status.textContent = n ? n + ' selected' : 'None selected: downloads take all ' + refs.length + ' shown';
      selectAll.checked = n === boxes.length && n > 0;
      selectAll.indeterminate = n > 0 && n < boxes.length;
    };
    selectAll.addEventListener('change', () => { for (const b of boxes) b.checked = selectAll.checked; updateStatus(); });
    const dl = (fmt) => () => {
      const s = selected();
      if (fmt === 'bib') cg.download('references.bib', 'application/x-bibtex', cg.toBibTeX(s));
      if (fmt === 'ris') cg.download('references.ris', 'application/x-research-info-systems', cg.toRIS(s));
      if (fmt === 'csl') cg.download('references.json', 'application/vnd.citationstyles.csl+json', cg.toCSL(s));
      cg.announce('Downloaded ' + s.length + ' references');
    };
    main.append(h('section', { 'aria-labelledby': 'bib-list' },
      h('h2', { id: 'bib-list' }, total + (total === 1 ? ' reference' : ' references'), total > refs.length ? ' (the first ' + refs.length + ' shown)' : ''),
      h('div', { class: 'row' }, h('label', { for: 'bib-all' }, selectAll, ' Select all shown'), status,
        h('button', { type: 'button', class: 'secondary', onclick: dl('bib') }, 'BibTeX'),
        h('button', { type: 'button', class: 'secondary', onclick: dl('ris') }, 'RIS'),
        h('button', { type: 'button', class: 'secondary', onclick: dl('csl') }, 'CSL-JSON')),
      h('ol', { class: 'plain refs' }, refs.map((r, i) => {
        const box = h('input', { type: 'checkbox', id: 'ref-' + i, 'aria-label': 'Select ' + (r.title || r.id) });
        box.addEventListener('change', updateStatus);
        boxes.push(box);
        const who = (r.authors || []).map((a) => a.label || a.id);
        return h('li', {}, box, h('div', { class: 'cite' },
          who.length ? (who.length > 3 ? who.slice(0, 3).join('; ') + ' et al.' : who.join('; ')) + ' ' : '',
          '(' + (r.yearLabel || r.year || 'n.d.') + '). ',
          h('a', { href: cg.pageURL(r.id) }, r.title || r.id), '. ',
          r.container ? h('em', {}, r.container + '. ') : '',
          (r.publishers || []).filter((p) => !/^https?:/.test(p)).join('; '),
          r.doi ? [' ', h('a', { href: 'https://doi.org/' + r.doi, rel: 'noopener' }, 'doi:' + r.doi)] : ''));
      }))));
    updateStatus();
  };
})();
