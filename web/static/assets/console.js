// console.js: the GraphQL console. A query editor (a textarea: Ctrl+Enter
// runs), variables, the schema's types and fields from introspection
// beside it, example queries for researchers, observatories and data
// teams, the result pretty-printed and errors shown plainly.
'use strict';
(function () {
  const cg = window.cg;
  const h = cg.h;

  const examples = [
    ['Researcher', 'Who engaged in what, and on which evidence', `# Civil-society actors and the engagements they took part in
query Researcher($lang: String = "en") {
  actors(filter: {sector: ["civil-society"]}, first: 5, orderBy: LABEL) {
    totalCount
    nodes {
      id
      label(lang: $lang)
      engagements(first: 5) {
        nodes { stage { label } mechanism { label } influenceLevel { label } }
      }
      publications(first: 3) { nodes { title year } }
    }
  }
}`],
    ['Researcher', 'Full-text search over the bibliography', `query Search {
  search(text: "public governance", class: "Reference", first: 5) {
    score
    node { id label ... on Reference { year authors { label } } }
  }
}`],
    ['Researcher', 'How two entities are connected', `query Paths {
  paths(from: "actor/ajuntament-de-barcelona", to: "reference/pena-lopez-2025-meaningful", maxLength: 4, first: 3) {
    length
    hops { from { label } predicate to { label } forward }
  }
}`],
    ['Observatory', 'Administrations, their procurements and missions', `query Observatory {
  administrations(first: 10, orderBy: LABEL) {
    totalCount
    nodes {
      id label country level { label }
      procurements(first: 5) { totalCount nodes { title stagesReached { label } } }
      missions(first: 5) { totalCount }
      engagements(first: 1) { totalCount }
    }
  }
}`],
    ['Observatory', 'Mechanisms that fit the Purpose phase', `query Mechanisms {
  mechanisms(filter: {phase: ["purpose"]}, first: 20, orderBy: LABEL) {
    totalCount
    nodes { label institutionalisation { label } democraticFunctions { label } }
  }
}`],
    ['Data team', 'What the store holds', `query Stats {
  stats {
    quads terms distinctSubjects
    graphs { graph quads subjects }
    classes(first: 10) { iri count }
    predicates(first: 10) { iri count }
  }
}`],
    ['Data team', 'Raw triples of one entity', `query Triples {
  triples(s: "actor/ajuntament-de-barcelona", first: 50) {
    totalCount
    nodes { predicate { value } object { kind value lang datatype } graph { value } }
  }
}`],
  ];

  const introspection = `query Schema {
  __schema {
    queryType { name } mutationType { name }
    types { name kind description
      fields { name description args { name type { ...T } defaultValue } type { ...T } }
      inputFields { name description type { ...T } }
      enumValues { name description }
      possibleTypes { name } }
  }
}
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

  function typeName(t) {
    if (!t) return '';
    if (t.kind === 'NON_NULL') return typeName(t.ofType) + '!';
    if (t.kind === 'LIST') return '[' + typeName(t.ofType) + ']';
    return t.name;
  }

  cg.routes['/console'] = async function consolePage(main, params) {
    main.append(cg.title('GraphQL console'),
      h('p', {}, 'Write a query and run it (Ctrl+Enter). The API is at ', h('code', {}, 'POST /graphql'), '; the schema, from introspection, is beside the editor.'));
    const initial = params.get('query') || examples[0][2];
    const editor = h('textarea', { id: 'gql-query', class: 'code', rows: 18, spellcheck: 'false', autocapitalize: 'off', 'aria-describedby': 'gql-hint' }, initial);
    const vars = h('textarea', { id: 'gql-vars', class: 'code', rows: 3, spellcheck: 'false' }, params.get('variables') || '');
    const token = h('input', { type: 'password', id: 'gql-token', autocomplete: 'off', size: 20 });
    const run = h('button', { type: 'button', id: 'gql-run' }, 'Run');
    const result = h('pre', { class: 'result', id: 'gql-result', tabindex: '0', 'aria-label': 'Result' }, 'Run a query to see its result here.');
    const timing = h('p', { class: 'hint', 'aria-live': 'polite' });
    const exampleSel = h('select', { id: 'gql-example' }, h('option', { value: '' }, 'Choose an example…'),
      ['Researcher', 'Observatory', 'Data team'].map((who) => h('optgroup', { label: who }, examples.map((e, i) => (e[0] === who ? h('option', { value: i }, e[1]) : null)))));
    exampleSel.addEventListener('change', () => { if (exampleSel.value !== '') { editor.value = examples[Number(exampleSel.value)][2]; editor.focus(); } });
    const schemaPane = h('div', { class: 'schema-list', id: 'gql-schema' }, h('p', { class: 'muted' }, 'Loading the schema…'));
    const left = h('div', {},
      h('div', { class: 'field' }, h('label', { for: 'gql-example' }, h('span', {}, 'Examples for researchers, observatories and data teams')), exampleSel),
      h('div', { class: 'field' }, h('label', { for: 'gql-query' }, h('span', {}, 'Query')), editor, h('span', { class: 'hint', id: 'gql-hint' }, 'Ctrl+Enter (⌘+Enter) runs the query. Tab indents; Esc then Tab leaves the editor.')),
      h('details', {}, h('summary', {}, 'Variables and token'),
        h('div', { class: 'field' }, h('label', { for: 'gql-vars' }, h('span', {}, 'Variables (JSON)')), vars),
        h('div', { class: 'field' }, h('label', { for: 'gql-token' }, h('span', {}, 'Bearer token (for mutations)')), token)),
      h('div', { class: 'row' }, run, h('button', { type: 'button', class: 'secondary', onclick: () => { try { editor.value = prettyQuery(editor.value); } catch (e) { /* leave it */ } } }, 'Tidy')),
      h('h2', {}, 'Result'), timing, result);
    main.append(h('div', { class: 'console' }, left, h('aside', { 'aria-labelledby': 'gql-schema-h' }, h('h2', { id: 'gql-schema-h' }, 'Schema'), schemaPane)));

    // Tab indents inside the editor, unless Escape was pressed just before.
    let escaped = false;
    editor.addEventListener('keydown', (ev) => {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') { ev.preventDefault(); execute(); return; }
      if (ev.key === 'Escape') { escaped = true; return; }
      if (ev.key === 'Tab' && !escaped && !ev.shiftKey) {
        ev.preventDefault();
        const s = editor.selectionStart;
        editor.setRangeText('  ', s, editor.selectionEnd, 'end');
      }
      escaped = false;
    });
    run.addEventListener('click', execute);

    async function execute() {
      let variables = {};
      const vt = vars.value.trim();
      if (vt) {
        try { variables = JSON.parse(vt); } catch (e) { result.textContent = 'The variables are not JSON: ' + e.message; result.classList.add('is-error'); return; }
      }
      run.disabled = true;
      result.textContent = 'Running…';
      const started = performance.now();
      try {
        const r = await cg.gql(editor.value, variables, { token: token.value.trim() || null });
        const ms = Math.round(performance.now() - started);
        cg.clear(result);
        if (r.errors && r.errors.length) {
          result.append(h('div', { class: 'error', role: 'alert' }, h('strong', {}, r.errors.length === 1 ? '1 error' : r.errors.length + ' errors'),
            h('ul', {}, r.errors.map((e) => h('li', {}, e.message,
              e.locations ? ' (line ' + e.locations.map((l) => l.line + ', column ' + l.column).join('; ') + ')' : '',
              e.path ? ' at ' + e.path.join('.') : '', e.extensions && e.extensions.code ? ' [' + e.extensions.code + ']' : '')))));
        }
        if (r.data !== undefined) result.append(JSON.stringify({ data: r.data }, null, 2));
        timing.textContent = 'HTTP ' + r.status + ' in ' + ms + ' ms';
        cg.announce(r.errors && r.errors.length ? 'The query returned errors' : 'The query ran');
      } catch (e) {
        cg.clear(result).append(cg.errorBox(e));
      } finally {
        run.disabled = false;
      }
    }

    // The schema.
    try {
      const d = await cg.query(introspection);
      cg.clear(schemaPane);
      const types = d.__schema.types.filter((t) => !t.name.startsWith('__'));
      const roots = [d.__schema.queryType && d.__schema.queryType.name, d.__schema.mutationType && d.__schema.mutationType.name];
      types.sort((a, b) => (roots.includes(b.name) - roots.includes(a.name)) || (roots.indexOf(a.name) - roots.indexOf(b.name)) || a.name.localeCompare(b.name));
      const filter = h('input', { type: 'search', id: 'gql-schema-filter', placeholder: 'type or field' });
      schemaPane.append(h('div', { class: 'field' }, h('label', { for: 'gql-schema-filter' }, h('span', {}, 'Find in the schema')), filter));
      const blocks = [];
      for (const t of types) {
        if (t.kind === 'SCALAR') continue;
        const items = (t.fields || t.inputFields || []).map((f) => h('li', { title: f.description || '' },
          h('button', { type: 'button', 'aria-label': 'Insert ' + f.name, onclick: () => { editor.setRangeText(f.name, editor.selectionStart, editor.selectionEnd, 'end'); editor.focus(); } }, f.name),
          f.args && f.args.length ? '(' + f.args.map((a) => a.name + ': ' + typeName(a.type)).join(', ') + ')' : '', ': ' + typeName(f.type)));
        for (const e of t.enumValues || []) items.push(h('li', { title: e.description || '' }, e.name));
        const det = h('details', { open: roots.includes(t.name) || null, 'data-names': (t.name + ' ' + (t.fields || t.inputFields || []).map((f) => f.name).join(' ')).toLowerCase() },
          h('summary', {}, t.name, ' ', h('span', { class: 'muted' }, t.kind.toLowerCase().replace('_', ' '))),
          t.description ? h('p', { class: 'hint' }, t.description) : null, h('ul', {}, items));
        blocks.push(det);
        schemaPane.append(det);
      }
      filter.addEventListener('input', () => {
        const q = filter.value.trim().toLowerCase();
        for (const b of blocks) { b.hidden = q && !b.dataset.names.includes(q); if (q && !b.hidden) b.open = true; }
      });
    } catch (e) {
      cg.clear(schemaPane).append(cg.errorBox(e));
    }
    if (params.get('query')) await execute();
  };

  // prettyQuery re-indents a query by its braces and parentheses.
  function prettyQuery(q) {
    let depth = 0;
    const out = [];
    for (let line of q.split('\n')) {
      line = line.trim();
      if (!line) { out.push(''); continue; }
      const opens = (line.match(/[{(]/g) || []).length;
      const closes = (line.match(/[})]/g) || []).length;
      if (/^[})]/.test(line)) depth = Math.max(0, depth - 1);
      out.push('  '.repeat(depth) + line);
      depth = Math.max(0, depth + opens - closes + (/^[})]/.test(line) ? 1 : 0));
    }
    return out.join('\n');
  }
})();
