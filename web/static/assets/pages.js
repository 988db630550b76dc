// pages.js: the start page, search and explore, entity pages, paths and
// the import page.
'use strict';
(function () {
  const cg = window.cg;
  const h = cg.h;

  const DCT = 'http://purl.org/dc/terms/';
  const licencePredicates = [DCT + 'license', DCT + 'rights', 'http://schema.org/license', 'https://schema.org/license', 'http://creativecommons.org/ns#license', DCT + 'accessRights'];
  const sourcePredicates = ['http://www.w3.org/ns/prov#wasDerivedFrom', DCT + 'source'];

  // ---- the start page ----
  cg.routes['/'] = async function start(main) {
    main.append(cg.title('civicgraph'),
      h('p', { class: 'lead' }, 'A knowledge graph of the public procurement of artificial intelligence and of the stakeholders engaged in it: actors, administrations, missions, procurements, participatory mechanisms, engagements and the bibliography behind them.'));
    const search = h('section', { 'aria-labelledby': 'start-search' }, h('h2', { id: 'start-search' }, 'Search'));
    main.append(search);
    searchWidget(search, { q: '', compact: true });
    main.append(h('section', { 'aria-labelledby': 'ways' }, h('h2', { id: 'ways' }, 'Three ways in'),
      h('div', { class: 'cards' },
        h('div', { class: 'card' }, h('h3', {}, h('a', { href: '/search' }, 'Explore')),
          h('p', {}, 'Browse actors, administrations, procurements, mechanisms and references; open an entity to see what is said about it, its neighbourhood and the paths to others.'),
          h('p', {}, h('a', { href: '/bibliography' }, 'The bibliography'), ' · ', h('a', { href: '/paths' }, 'Find a path'))),
        h('div', { class: 'card' }, h('h3', {}, h('a', { href: '/compare' }, 'Compare')),
          h('p', {}, 'Administrations side by side: how much, how diverse and how influential stakeholder engagement is across the AI lifecycle.')),
        h('div', { class: 'card' }, h('h3', {}, h('a', { href: '/console' }, 'Query')),
          h('p', {}, 'The GraphQL console, with the schema beside it and example queries for researchers, observatories and data teams. Everything this explorer shows comes from the same API.')))));
    const holds = h('section', { 'aria-labelledby': 'holds' }, h('h2', { id: 'holds' }, 'What the store holds'), h('p', { class: 'muted' }, 'Loading…'));
    main.append(holds);
    const d = await cg.query('query Start { stats { quads terms graphs { graph quads subjects } classes(first: 100) { iri count } } }');
    const st = d.stats;
    holds.lastChild.remove();
    holds.append(h('p', {}, st.quads.toLocaleString('en') + ' statements (quads) about ' + st.terms.toLocaleString('en') + ' terms, in ' + st.graphs.length + ' graphs.'));
    const byClass = h('div', {}, h('h3', {}, 'By class'));
    const domain = st.classes.filter((c) => c.iri.startsWith('https://w3id.org/civicgraph/ns#') || /foaf\/0\.1\/Person$|skos\/core#Concept$/.test(c.iri));
    const rest = st.classes.filter((c) => !domain.includes(c));
    const classRow = (c) => {
      const local = cg.local(c.iri);
      const name = local === 'Person' ? 'Person' : local;
      const cls = cg.classes[name];
      return h('tr', {}, h('td', {}, cls && cls.list ? h('a', { href: '/search?class=' + name }, cg.compact(c.iri)) : cg.compact(c.iri)), h('td', { class: 'num' }, c.count.toLocaleString('en')));
    };
    byClass.append(h('div', { class: 'scroll' }, h('table', {}, h('caption', { class: 'visually-hidden' }, 'Instances by class'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Class'), h('th', { scope: 'col', class: 'num' }, 'Instances'))),
      h('tbody', {}, domain.map(classRow)))));
    if (rest.length) {
      byClass.append(h('details', {}, h('summary', {}, 'Other classes (' + rest.length + ')'),
        h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Class'), h('th', { scope: 'col', class: 'num' }, 'Instances'))), h('tbody', {}, rest.map(classRow))))));
    }
    const bySource = h('div', {}, h('h3', {}, 'By source (named graph)'));
    const grid = h('div', { class: 'grid2' }, byClass, bySource);
    holds.append(grid);
    const named = st.graphs.filter((g) => g.graph);
    const tbody = h('tbody', {});
    bySource.append(h('div', { class: 'scroll' }, h('table', {}, h('caption', { class: 'visually-hidden' }, 'Statements by named graph'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Graph'), h('th', { scope: 'col' }, 'Source and licence'), h('th', { scope: 'col', class: 'num' }, 'Quads'))), tbody)));
    // What each graph was derived from, and its licence, from the
    // provenance records.
    let prov = {};
    if (named.length) {
      const vars = {};
      const fields = named.map((g, i) => { vars['g' + i] = g.graph; return 'g' + i + ': triples(s: $g' + i + ', first: 30) { nodes { predicate { value } object { value kind node { id label(lang: $lang) properties { predicate value { value kind } } } } } }'; });
      const q = 'query Provenance($lang: String, ' + named.map((_, i) => '$g' + i + ': String').join(', ') + ') { ' + fields.join(' ') + ' }';
      vars.lang = cg.lang();
      const r = await cg.gql(q, vars);
      prov = r.data || {};
    }
    named.forEach((g, i) => {
      const triples = prov['g' + i] ? prov['g' + i].nodes : [];
      const sources = triples.filter((t) => sourcePredicates.includes(t.predicate.value));
      let licences = triples.filter((t) => licencePredicates.includes(t.predicate.value)).map((t) => t.object.value);
      for (const s of sources) {
        if (s.object.node) licences = licences.concat(s.object.node.properties.filter((p) => licencePredicates.includes(p.predicate)).map((p) => p.value.value));
      }
      const name = g.graph.replace('https://w3id.org/civicgraph/graph/', '');
      const srcCell = h('td', {});
      for (const s of sources) {
        srcCell.append(s.object.node ? cg.nodeLink({ id: s.object.node.id, label: s.object.node.label, __typename: 'Resource' }, { badge: false }) : s.object.value, h('br'));
      }
      srcCell.append(licences.length
        ? h('span', {}, 'Licence: ', [...new Set(licences)].map((l, j) => [j ? ', ' : '', /^https?:/.test(l) ? h('a', { href: l, rel: 'noopener' }, l) : l]))
        : h('span', { class: 'muted' }, 'No licence recorded'));
      tbody.append(h('tr', {},
        h('td', {}, h('a', { href: '/bibliography?graph=' + encodeURIComponent(name), title: 'References described in ' + g.graph }, name)),
        srcCell,
        h('td', { class: 'num' }, g.quads.toLocaleString('en'))));
    });
    const dflt = st.graphs.find((g) => !g.graph);
    if (dflt) tbody.append(h('tr', {}, h('td', {}, 'default graph'), h('td', { class: 'muted' }, 'Provenance records'), h('td', { class: 'num' }, dflt.quads.toLocaleString('en'))));
  };

  // ---- search and explore ----
  cg.routes['/search'] = async function searchPage(main, params) {
    main.append(cg.title('Explore'));
    searchWidget(main, { q: params.get('q') || '', cls: params.get('class') || '', url: true });
  };

  // normalise folds case and accents, keeping a map to the original
  // positions, so that a snippet can mark the words that matched.
  function normalise(s) {
    let out = '';
    const pos = [];
    for (let i = 0; i < s.length; i++) {
      const n = s[i].normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      for (let j = 0; j < n.length; j++) { out += n[j]; pos.push(i); }
    }
    pos.push(s.length);
    return { out, pos };
  }
  // snippet returns the part of text around the words of q, with each
  // word marked, or null when none is in it.
  cg.snippet = function snippet(text, q, width) {
    if (!text) return null;
    const words = normalise(q).out.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.length) return null;
    const { out, pos } = normalise(text);
    const spans = [];
    for (const w of words) {
      const re = new RegExp('(^|[^\\p{L}\\p{N}])(' + w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')', 'gu');
      let m;
      while ((m = re.exec(out))) spans.push([pos[m.index + m[1].length], pos[m.index + m[1].length + m[2].length]]);
    }
    if (!spans.length) return null;
    spans.sort((a, b) => a[0] - b[0]);
    width = width || 160;
    const from = Math.max(0, spans[0][0] - 50);
    const to = Math.min(text.length, from + width);
    const frag = [from > 0 ? '…' : ''];
    let at = from;
    for (const [a, b] of spans) {
      if (a < at || b > to) continue;
      frag.push(text.slice(at, a), h('mark', {}, text.slice(a, b)));
      at = b;
    }
    frag.push(text.slice(at, to), to < text.length ? '…' : '');
    return frag;
  };

  const searchQuery = `query Search($text: String!, $class: String, $lang: String) {
  search(text: $text, class: $class, first: 60) {
    score
    node { __typename id label(lang: $lang) description(lang: $lang)
      ... on Reference { year authors { label } publishers container }
      ... on Actor { altLabels }
      ... on Administration { altLabels }
      ... on Mechanism { altLabels } }
  }
}`;

  // searchWidget puts a search box with results as you type into el.
  // Without text and with a class, it lists that class.
  function searchWidget(el, opts) {
    const id = 'q-' + Math.random().toString(36).slice(2, 7);
    const input = h('input', { type: 'search', id, name: 'q', value: opts.q, autocomplete: 'off', placeholder: 'Barcelona, deliberation, Peña-López…', 'aria-describedby': id + '-hint' });
    const clsSel = h('select', { id: id + '-class', name: 'class' }, h('option', { value: '' }, 'Any class'),
      Object.entries(cg.classes).filter(([, c]) => c.list).map(([k, c]) => h('option', { value: k }, c.plural)));
    clsSel.value = opts.cls || '';
    const results = h('div', { class: 'results', 'aria-live': 'polite' });
    const form = h('form', { class: 'searchbox', role: 'search', action: '/search' },
      h('label', { for: id, class: 'visually-hidden' }, 'Search the graph'), input,
      h('label', { for: id + '-class', class: 'visually-hidden' }, 'Class'), clsSel,
      h('button', { type: 'submit' }, 'Search'));
    el.append(form, h('p', { id: id + '-hint', class: 'hint' }, 'Results appear as you type. Every word must match; the last may be the start of a word.'), results);
    let ctl = null;
    const run = async () => {
      const q = input.value.trim();
      const cls = clsSel.value;
      if (opts.url) {
        const u = new URLSearchParams();
        if (q) u.set('q', q);
        if (cls) u.set('class', cls);
        history.replaceState(null, '', '/search' + (u.toString() ? '?' + u : ''));
      }
      if (ctl) ctl.abort();
      ctl = new AbortController();
      const signal = ctl.signal;
      try {
        if (!q && !cls) { cg.clear(results); return; }
        if (!q) { await listClass(results, cls, signal); return; }
        const r = await cg.gql(searchQuery, { text: q, class: cls || null, lang: cg.lang() }, { signal });
        if (signal.aborted) return;
        cg.clear(results);
        if (r.errors && !r.data) { results.append(cg.errorBox(cg.errorText(r.errors))); return; }
        showHits(results, r.data.search, q, opts.compact);
      } catch (err) {
        if (err.name !== 'AbortError') { cg.clear(results).append(cg.errorBox(err)); }
      }
    };
    input.addEventListener('input', cg.debounce(run, 180));
    clsSel.addEventListener('change', run);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (!opts.url) { cg.navigate('/search?q=' + encodeURIComponent(input.value.trim()) + (clsSel.value ? '&class=' + clsSel.value : '')); return; }
      run();
    });
    if (opts.q || opts.cls) return run();
    return Promise.resolve();
  }

  function showHits(results, hits, q, compact) {
    if (!hits.length) { results.append(h('p', {}, 'Nothing matches “' + q + '”.')); cg.announce('No results'); return; }
    const groups = new Map();
    for (const hit of hits) {
      const t = cg.classOf(hit.node.__typename).name;
      if (!groups.has(t)) groups.set(t, []);
      groups.get(t).push(hit);
    }
    cg.announce(hits.length + ' results in ' + groups.size + ' classes');
    for (const [t, list] of groups) {
      const cls = Object.values(cg.classes).find((c) => c.name === t);
      const shown = compact ? list.slice(0, 5) : list;
      results.append(h('section', { class: 'group' }, h('h2', {}, cls.plural, ' ', h('span', { class: 'count' }, '(' + list.length + ')')),
        h('ul', { class: 'plain' }, shown.map((hit) => {
          const n = hit.node;
          return h('li', { class: 'hit' }, cg.nodeLink(n), n.year ? ' (' + n.year + ')' : '', h('p', { class: 'snippet' }, whyMatched(n, q)));
        })),
        compact && list.length > shown.length ? h('p', {}, h('a', { href: '/search?q=' + encodeURIComponent(q) + '&class=' + (cls.list ? Object.keys(cg.classes).find((k) => cg.classes[k] === cls) : '') }, 'All ' + list.length + ' ' + cls.plural.toLowerCase())) : null));
    }
  }

  // whyMatched says where the words were found: the label, another name,
  // the description, the authors or publisher, or else another language.
  function whyMatched(n, q) {
    const fields = [['Name', n.label], ['Also known as', (n.altLabels || []).join('; ')], ['Description', n.description],
      ['Authors', (n.authors || []).map((a) => a.label).join('; ')], ['Published by', (n.publishers || []).filter((p) => !/^https?:/.test(p)).join('; ')], ['In', n.container]];
    const parts = [];
    for (const [name, text] of fields) {
      const s = cg.snippet(text || '', q);
      if (s) { parts.push(h('span', {}, name === 'Name' ? 'Matched in the name' : name + ': ', name === 'Name' ? '' : s)); if (parts.length === 2) break; }
    }
    if (!parts.length) {
      return n.description ? [h('span', { class: 'muted' }, 'Matched in another language or field. '), n.description.slice(0, 140) + (n.description.length > 140 ? '…' : '')] : h('span', { class: 'muted' }, 'Matched in another language or field');
    }
    return parts.map((p, i) => [i ? ' · ' : '', p]);
  }

  async function listClass(results, cls, signal) {
    const c = cg.classes[cls];
    let after = null;
    cg.clear(results);
    const ul = h('ul', { class: 'plain' });
    const heading = h('h2', {}, c.plural);
    const more = h('button', { type: 'button', class: 'secondary' }, 'More');
    results.append(heading, ul);
    const load = async () => {
      const q = 'query List($first: Int, $after: String, $lang: String) { list: ' + c.list + '(first: $first, after: $after, orderBy: LABEL) { totalCount pageInfo { hasNextPage endCursor } nodes { __typename id label(lang: $lang) description(lang: $lang) } } }';
      const d = await cg.query(q, { first: 50, after, lang: cg.lang() }, { signal });
      heading.textContent = c.plural + ' (' + d.list.totalCount + ')';
      for (const n of d.list.nodes) ul.append(h('li', {}, cg.nodeLink(n, { badge: false }), n.description ? h('p', { class: 'snippet' }, n.description.slice(0, 160) + (n.description.length > 160 ? '…' : '')) : null));
      after = d.list.pageInfo.endCursor;
      if (d.list.pageInfo.hasNextPage) results.append(more); else more.remove();
    };
    more.addEventListener('click', () => load().catch((e) => results.append(cg.errorBox(e))));
    await load();
  }

  // ---- entity pages ----
  const entityQuery = `query Entity($id: ID!, $lang: String) {
  node(id: $id) {
    __typename id iri types label(lang: $lang) description(lang: $lang)
    properties { predicate value { kind value datatype lang node { __typename id label(lang: $lang) } } }
    backlinks(first: 300) { predicate subject { __typename id label(lang: $lang) } }
    ... on Engagement { evidence(first: 50) { nodes { __typename id label(lang: $lang) year } } }
    ... on Actor { publications(first: 50) { totalCount nodes { __typename id label(lang: $lang) year } } }
    ... on Administration { publications(first: 50) { totalCount nodes { __typename id label(lang: $lang) year } } }
    ... on Statement { derivedFrom(first: 50) { nodes { __typename id label(lang: $lang) year } } }
    ... on Reference { year authors { __typename id label(lang: $lang) } citedBy(first: 50) { totalCount nodes { __typename id label(lang: $lang) year } } }
  }
}`;
  const labelPredicates = ['http://www.w3.org/2000/01/rdf-schema#label', 'http://www.w3.org/2004/02/skos/core#prefLabel', 'http://www.w3.org/2004/02/skos/core#altLabel', 'http://xmlns.com/foaf/0.1/name', DCT + 'title', 'http://schema.org/name', 'https://schema.org/name', 'http://www.w3.org/ns/org#identifier'];

  cg.routes['/page/'] = async function entityPage(main, params, current) {
    const id = decodeURIComponent(location.pathname.slice('/page/'.length)).replace(/\/+$/, '');
    const lang = cg.lang();
    const d = await cg.query(entityQuery, { id, lang });
    if (!current()) return;
    const n = d.node;
    if (!n) {
      main.append(cg.title('Not found'), h('p', {}, 'The store says nothing about ' + id + '. ', h('a', { href: '/search?q=' + encodeURIComponent(id.replace(/^.*\//, '').replace(/-/g, ' ')) }, 'Search for it')));
      return;
    }
    const cls = cg.classOf(n.__typename);
    main.append(h('p', { class: 'crumbs' }, cg.badge(n.__typename), ' ', h('a', { href: '/search?class=' + (cls.list ? n.__typename : '') }, cls.plural)), cg.title(n.label || n.id));
    main.append(h('p', { class: 'muted' }, h('code', {}, n.iri)));
    if (n.description) main.append(h('p', { class: 'description' }, n.description));

    // Labels in every language, the chosen one first.
    const labels = n.properties.filter((p) => labelPredicates.includes(p.predicate) && p.value.kind === 'LITERAL');
    if (labels.length) {
      const byLang = new Map();
      for (const p of labels) {
        const l = p.value.lang || '—';
        if (!byLang.has(l)) byLang.set(l, []);
        byLang.get(l).push(p);
      }
      const langs = [...byLang.keys()].sort((a, b) => (b === lang) - (a === lang) || cg.langs.indexOf(a) - cg.langs.indexOf(b));
      main.append(h('section', { 'aria-labelledby': 'labels' }, h('h2', { id: 'labels' }, 'Names and labels'),
        h('dl', { class: 'props' }, langs.map((l) => [h('dt', {}, l === '—' ? 'No language' : l + (l === lang ? ' (chosen)' : '')),
          byLang.get(l).map((p) => h('dd', { lang: l === '—' ? null : l }, p.value.value, ' ', h('span', { class: 'lit-lang' }, cg.compact(p.predicate))))]))));
    }

    // Properties: literals, and links to other entities, by predicate.
    const byPred = new Map();
    for (const p of n.properties) {
      if (labelPredicates.includes(p.predicate) && p.value.kind === 'LITERAL') continue;
      if (!byPred.has(p.predicate)) byPred.set(p.predicate, []);
      byPred.get(p.predicate).push(p.value);
    }
    const propSection = h('section', { 'aria-labelledby': 'props' }, h('h2', { id: 'props' }, 'Properties'));
    const dl = h('dl', { class: 'props' });
    for (const [pred, vals] of byPred) {
      dl.append(h('dt', { title: pred }, cg.compact(pred)));
      const shown = vals.filter((v) => !v.lang || v.lang === lang || !vals.some((o) => o.lang === lang));
      for (const v of shown) dl.append(h('dd', {}, termView(v)));
    }
    propSection.append(dl);
    main.append(propSection);

    // Related entities: what points here.
    const back = new Map();
    for (const b of n.backlinks) {
      if (!back.has(b.predicate)) back.set(b.predicate, []);
      back.get(b.predicate).push(b.subject);
    }
    if (back.size) {
      main.append(h('section', { 'aria-labelledby': 'related' }, h('h2', { id: 'related' }, 'Related entities'),
        h('p', { class: 'hint' }, 'Entities that link to this one, by the property they use. Links from this one are among its properties.'),
        h('dl', { class: 'props' }, [...back].map(([pred, subs]) => [h('dt', { title: pred }, 'is ' + cg.compact(pred) + ' of'),
          subs.slice(0, 60).map((s) => h('dd', {}, cg.nodeLink(s))), subs.length > 60 ? h('dd', { class: 'muted' }, '… and ' + (subs.length - 60) + ' more') : null]))));
    }

    // The references behind it.
    const refs = new Map();
    const addRef = (r, why) => { if (r && r.id && !refs.has(r.id)) refs.set(r.id, { r, why }); };
    for (const p of n.properties) if (p.value.node && (p.value.node.__typename === 'Reference' || sourcePredicates.includes(p.predicate))) addRef(p.value.node, cg.compact(p.predicate));
    for (const b of n.backlinks) if (b.subject.__typename === 'Reference') addRef(b.subject, 'is ' + cg.compact(b.predicate) + ' of');
    for (const f of ['evidence', 'derivedFrom', 'publications', 'citedBy']) if (n[f]) for (const r of n[f].nodes) addRef(r, f === 'citedBy' ? 'cites it' : f);
    main.append(h('section', { 'aria-labelledby': 'refs' }, h('h2', { id: 'refs' }, 'References and sources'),
      refs.size ? h('ul', { class: 'plain' }, [...refs.values()].map(({ r, why }) => h('li', {}, cg.nodeLink(r), r.year ? ' (' + r.year + ')' : '', ' ', h('span', { class: 'muted' }, '— ' + why))))
        : h('p', { class: 'muted' }, 'No reference is linked to this entity.'),
      n.__typename === 'Reference' ? h('p', {}, h('a', { href: '/bibliography?citedBy=' + encodeURIComponent(n.id) }, 'Works it cites, in the bibliography')) : null));

    // The neighbourhood, and paths from here.
    const nb = h('section', { 'aria-labelledby': 'nbh' }, h('h2', { id: 'nbh' }, 'Neighbourhood'));
    main.append(nb);
    const pathForm = h('section', { 'aria-labelledby': 'pathfind' }, h('h2', { id: 'pathfind' }, 'How is it connected to…'));
    main.append(pathForm);
    pathFormInto(pathForm, n.id, '');

    // Downloads.
    const iri = n.iri;
    // Entities under the instance base have linked-data pages and
    // descriptions of their own (/id/..., /data/...); any IRI is in the dump.
    // The base is the default one, or one the server was started with
    // (--base), which ends in /id/ when it maps onto this server.
    const baseOf = iri.endsWith(n.id) ? iri.slice(0, iri.length - n.id.length) : '';
    const instance = cg.isLocalID(n.id) && (baseOf === cg.base || /\/id\/$/.test(baseOf));
    const dataPath = instance ? '/data/' + n.id.split('/').map(encodeURIComponent).join('/') : null;
    main.append(h('section', { 'aria-labelledby': 'dl' }, h('h2', { id: 'dl' }, 'Download'),
      dataPath ? h('p', { class: 'downloads' }, 'This entity\'s description: ',
        [['ttl', 'Turtle'], ['nt', 'N-Triples'], ['jsonld', 'JSON-LD'], ['rdf', 'RDF/XML']].map(([ext, name]) =>
          h('a', { href: dataPath + '.' + ext, download: true }, name))) : null,
      h('p', { class: 'downloads' }, 'In every syntax, with its graphs, from the dump: ',
        [['nt', 'N-Triples'], ['nq', 'N-Quads'], ['ttl', 'Turtle'], ['trig', 'TriG'], ['jsonld', 'JSON-LD'], ['rdfxml', 'RDF/XML']].map(([f, name]) =>
          h('a', { href: '/dump?format=' + f + '&entity=' + encodeURIComponent(iri), download: true }, name))),
      instance ? h('p', { class: 'hint' }, 'Linked-data IRI: ', h('a', { href: '/id/' + n.id }, '/id/' + n.id), ' (answers HTML, Turtle, N-Triples, JSON-LD or RDF/XML as asked).') : null));

    // The picture comes after the page: the page is ready without it.
    cg.neighbourhood(nb, n.id).catch((e) => nb.append(cg.errorBox(e)));
  };

  // termView shows an RDF term: a link to a node's page, an outside
  // link, or a literal with its language or datatype.
  function termView(v) {
    if (v.kind === 'IRI' || v.kind === 'BLANK') {
      if (v.node && cg.isLocalID(v.node.id)) return cg.nodeLink(v.node);
      if (/^https?:/.test(v.value)) return h('a', { href: v.value, rel: 'noopener' }, v.node && v.node.label ? v.node.label : cg.compact(v.value));
      return h('code', {}, v.value);
    }
    return h('span', { lang: v.lang || null }, v.value, v.lang ? h('span', { class: 'lit-lang' }, ' @' + v.lang) : v.datatype && !v.datatype.endsWith('#string') ? h('span', { class: 'lit-lang' }, ' ' + cg.compact(v.datatype)) : null);
  }

  // ---- paths ----
  // entityInput is a text input for an entity: an id, or words whose
  // search results are offered as choices.
  function entityInput(name, label, value) {
    const id = 'ent-' + name;
    const list = h('datalist', { id: id + '-list' });
    const input = h('input', { type: 'text', id, name, value: value || '', list: id + '-list', autocomplete: 'off', required: true, 'aria-describedby': id + '-hint' });
    let ctl = null;
    input.addEventListener('input', cg.debounce(async () => {
      const q = input.value.trim();
      if (q.length < 2 || cg.isLocalID(q)) return;
      if (ctl) ctl.abort();
      ctl = new AbortController();
      try {
        const r = await cg.gql('query Pick($t: String!, $lang: String) { search(text: $t, first: 10) { node { __typename id label(lang: $lang) } } }', { t: q, lang: cg.lang() }, { signal: ctl.signal });
        cg.clear(list);
        for (const hit of (r.data ? r.data.search : [])) list.append(h('option', { value: hit.node.id }, (hit.node.label || hit.node.id) + ' (' + cg.classOf(hit.node.__typename).name + ')'));
      } catch (e) { if (e.name !== 'AbortError') console.warn(e); }
    }, 200));
    return h('div', { class: 'field' }, h('label', { for: id }, h('span', {}, label)), input, list,
      h('span', { id: id + '-hint', class: 'hint' }, 'An id such as actor/nesta, or type a name and pick'));
  }

  function pathFormInto(el, from, to, max) {
    const form = h('form', { action: '/paths', class: 'row' },
      entityInput('from', 'From', from), entityInput('to', 'To', to),
      h('div', { class: 'field' }, h('label', { for: 'path-max' }, h('span', {}, 'At most hops')),
        h('select', { id: 'path-max', name: 'max' }, [2, 3, 4, 5, 6].map((k) => h('option', { value: k, selected: String(k) === String(max || 4) }, k)))),
      h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Find paths')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const f = new FormData(form);
      cg.navigate('/paths?from=' + encodeURIComponent(f.get('from').trim()) + '&to=' + encodeURIComponent(f.get('to').trim()) + '&max=' + f.get('max'));
    });
    el.append(form);
  }

  cg.routes['/paths'] = async function pathsPage(main, params) {
    const from = params.get('from') || '';
    const to = params.get('to') || '';
    const max = parseInt(params.get('max') || '4', 10);
    main.append(cg.title('Paths between two entities'),
      h('p', {}, 'The shortest chains of links between two entities, in either direction.'));
    pathFormInto(main, from, to, max);
    if (!from || !to) return;
    const lang = cg.lang();
    const d = await cg.query(`query Paths($from: String!, $to: String!, $max: Int, $lang: String) {
  paths(from: $from, to: $to, maxLength: $max, first: 10) { length hops { forward predicate from { __typename id label(lang: $lang) } to { __typename id label(lang: $lang) } } }
}`, { from, to, max, lang });
    const out = h('section', { 'aria-labelledby': 'found' }, h('h2', { id: 'found' }, d.paths.length ? d.paths.length + ' path' + (d.paths.length > 1 ? 's' : '') : 'No path'));
    if (!d.paths.length) out.append(h('p', {}, 'No path of at most ' + max + ' links joins them. Try more hops.'));
    out.append(h('ol', {}, d.paths.map((p) => h('li', { class: 'path' }, h('span', { class: 'muted' }, p.length + ' links: '),
      p.hops.map((hop, i) => [i === 0 ? cg.nodeLink(hop.from) : null,
        h('span', { class: 'arrow' }, hop.forward ? ' —' + cg.compact(hop.predicate) + '→ ' : ' ←' + cg.compact(hop.predicate) + '— '),
        cg.nodeLink(hop.to)])))));
    main.append(out);
    cg.announce(out.firstChild.textContent);
  };

  // ---- import ----
  const formats = [['', 'Detect from the file name'], ['nt', 'N-Triples'], ['nq', 'N-Quads'], ['ttl', 'Turtle'], ['trig', 'TriG'], ['rdfxml', 'RDF/XML'],
    ['jsonld', 'JSON-LD'], ['json', 'JSON (OCDS, CSL-JSON, register or JSON-LD, by content)'], ['csv', 'CSV (a template)'], ['bibtex', 'BibTeX'], ['ris', 'RIS'],
    ['csljson', 'CSL-JSON'], ['citations', 'Plain citation list'], ['ocds', 'OCDS'], ['register', 'Public AI register']];
  const extensions = { nt: 'nt', nq: 'nq', ttl: 'ttl', trig: 'trig', rdf: 'rdfxml', owl: 'rdfxml', xml: 'rdfxml', jsonld: 'jsonld', json: 'json', jsonl: 'ocds', csv: 'csv', bib: 'bibtex', ris: 'ris', txt: 'citations' };
  cg.formatOf = function formatOf(name) {
    const lower = name.toLowerCase();
    if (lower.endsWith('.csl.json')) return 'csljson';
    return extensions[lower.replace(/^.*\./, '')] || '';
  };

  cg.routes['/import'] = async function importPage(main) {
    main.append(cg.title('Import a file'),
      h('p', {}, 'For token holders: the file is imported atomically into its own named graph (replacing the graph of the same name), with a provenance record. A file with errors writes nothing; every error is listed with its line.'));
    const form = h('form', { class: 'import' },
      h('div', { class: 'field' }, h('label', { for: 'imp-token' }, h('span', {}, 'Bearer token')),
        h('input', { type: 'password', id: 'imp-token', name: 'token', required: true, autocomplete: 'current-password', 'aria-describedby': 'imp-token-hint' }),
        h('span', { class: 'hint', id: 'imp-token-hint' }, 'The token the server was started with (CIVICGRAPH_TOKEN or --token-file). It is sent with this upload only, and not kept.')),
      h('div', { class: 'field' }, h('label', { for: 'imp-file' }, h('span', {}, 'File')), h('input', { type: 'file', id: 'imp-file', name: 'file', required: true })),
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: 'imp-format' }, h('span', {}, 'Format')),
          h('select', { id: 'imp-format', name: 'format' }, formats.map(([v, t]) => h('option', { value: v }, t)))),
        h('div', { class: 'field' }, h('label', { for: 'imp-template' }, h('span', {}, 'CSV template (for CSV)')),
          h('input', { type: 'text', id: 'imp-template', name: 'template', placeholder: 'procurement', size: 14 })),
        h('div', { class: 'field' }, h('label', { for: 'imp-name' }, h('span', {}, 'Source name (names the graph)')),
          h('input', { type: 'text', id: 'imp-name', name: 'name', placeholder: 'the file name' }))),
      h('button', { type: 'submit' }, 'Import'));
    const progress = h('progress', { max: 100, value: 0, 'aria-label': 'Upload progress', hidden: true });
    const out = h('div', { 'aria-live': 'polite' });
    main.append(form, progress, out);
    const fileInput = form.querySelector('#imp-file');
    fileInput.addEventListener('change', () => {
      const f = fileInput.files[0];
      if (!f) return;
      const det = cg.formatOf(f.name);
      const sel = form.querySelector('#imp-format');
      sel.options[0].textContent = 'Detect from the file name' + (det ? ' (' + det + ')' : ': unknown, choose one');
    });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      cg.clear(out);
      const f = fileInput.files[0];
      const fd = new FormData(form);
      let format = fd.get('format') || cg.formatOf(f.name);
      if (!format) { out.append(cg.errorBox('cannot tell the format of ' + f.name + ' from its extension: choose one')); return; }
      if (format === 'csv' && fd.get('template').trim()) format = 'csv:' + fd.get('template').trim();
      const name = fd.get('name').trim() || f.name;
      const body = new FormData();
      body.append('operations', JSON.stringify({
        query: 'mutation Import($content: String!, $format: String!, $name: String) { importData(content: $content, format: $format, name: $name) { graph records quads } }',
        variables: { content: null, format, name },
      }));
      body.append('map', JSON.stringify({ 0: ['variables.content'] }));
      body.append('0', f, f.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/graphql');
      xhr.setRequestHeader('Authorization', 'Bearer ' + fd.get('token'));
      xhr.setRequestHeader('Accept', 'application/json');
      progress.hidden = false;
      progress.value = 0;
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total); });
      xhr.upload.addEventListener('load', () => { progress.removeAttribute('value'); out.append(h('p', { class: 'muted' }, 'Uploaded; importing…')); });
      xhr.addEventListener('loadend', () => {
        button.disabled = false;
        progress.hidden = true;
        cg.clear(out);
        let r;
        try { r = JSON.parse(xhr.responseText); } catch (e) {
          out.append(cg.errorBox('the server answered ' + xhr.status + (xhr.status ? '' : ' (no response: the connection failed)') + ': ' + xhr.responseText.slice(0, 300)));
          return;
        }
        if (r.errors && r.errors.length) {
          out.append(importErrors(r.errors, xhr.status));
          return;
        }
        const res = r.data.importData;
        out.append(h('div', { class: 'ok', role: 'status' }, h('strong', {}, 'Imported. '), res.records + ' records read, ' + res.quads + ' quads written into ', h('code', {}, res.graph), '. ',
          h('a', { href: '/bibliography?graph=' + encodeURIComponent(res.graph) }, 'Its references'), ' · ', h('a', { href: '/' }, 'The start page')));
      });
      xhr.send(body);
    });
  };

  // importErrors lists every problem the importer reported, one per
  // line, the line numbers first.
  function importErrors(errors, status) {
    const box = h('div', { class: 'error', role: 'alert' }, h('strong', {}, status === 401 ? 'The token was refused. ' : status === 403 ? 'Refused. ' : 'The import failed; nothing was written. '));
    const items = [];
    for (const e of errors) for (const line of e.message.split('\n')) if (line.trim()) items.push(line);
    // "import: refs.bib:12:3: expected ..." reads as line 12, column 3.
    const where = /^(?:import: )?(.*?):(\d+)(?::(\d+))?: (.*)$/s;
    box.append(h('p', {}, items.length + (items.length === 1 ? ' problem:' : ' problems:')), h('ol', { class: 'errors' }, items.map((l) => {
      const m = where.exec(l);
      if (!m) return h('li', {}, h('code', {}, l));
      return h('li', {}, h('strong', {}, 'Line ' + m[2] + (m[3] ? ', column ' + m[3] : '')), ' of ' + m[1] + ': ', h('code', {}, m[4]));
    })));
    return box;
  }
})();
