// core.js: what every page of the civicgraph explorer shares. The DOM
// builder h(), the GraphQL client, the language of labels, IRIs and ids,
// classes and their colours, and the router. Pages register themselves in
// cg.routes; main.js starts the router.
'use strict';
(function () {
  const cg = (window.cg = window.cg || {});

  // h builds an element: h('a', {href: '/x', class: 'y'}, 'text', child).
  // Text is always text (never parsed as HTML); on* attributes given as
  // functions become listeners.
  cg.h = function h(tag, attrs, ...children) {
    const svg = tag.startsWith('svg:');
    const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (typeof v === 'function' && k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    cg.append(el, children);
    return el;
  };
  cg.append = function append(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  };
  cg.clear = function clear(el) { while (el.firstChild) el.firstChild.remove(); return el; };

  // announce tells screen readers something that changed without focus.
  cg.announce = function announce(msg) {
    const s = document.getElementById('status');
    if (s) s.textContent = msg;
  };

  // gql posts a GraphQL request and returns {data, errors}. A network
  // failure or a response that is not JSON throws.
  cg.gql = async function gql(query, variables, opts) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (opts && opts.token) headers.Authorization = 'Bearer ' + opts.token;
    const resp = await fetch('/graphql', {
      method: 'POST', headers, body: JSON.stringify({ query, variables: variables || {} }),
      signal: opts && opts.signal,
    });
    const text = await resp.text();
    let body;
    try { body = JSON.parse(text); } catch (e) {
      throw new Error('the server answered ' + resp.status + ' with no GraphQL response: ' + text.slice(0, 200));
    }
    body.status = resp.status;
    return body;
  };

  // query is gql that throws a readable error when the response has
  // errors and no data.
  cg.query = async function query(q, variables, opts) {
    const r = await cg.gql(q, variables, opts);
    if (r.errors && r.errors.length && !r.data) throw new Error(cg.errorText(r.errors));
    if (r.errors && r.errors.length) console.warn('GraphQL errors', r.errors);
    return r.data;
  };
  cg.errorText = function errorText(errors) {
    return errors.map((e) => {
      const code = e.extensions && e.extensions.code ? ' [' + e.extensions.code + ']' : '';
      const path = e.path ? ' at ' + e.path.join('.') : '';
      return e.message + code + path;
    }).join('\n');
  };
  // errorBox shows an error plainly, with a role that screen readers read.
  cg.errorBox = function errorBox(err) {
    return cg.h('div', { class: 'error', role: 'alert' }, cg.h('strong', {}, 'Error: '), cg.h('pre', {}, String(err && err.message ? err.message : err)));
  };

  // The language of labels: en, ca or es, kept in the browser.
  cg.langs = ['en', 'ca', 'es'];
  cg.lang = function lang() {
    let l = null;
    try { l = localStorage.getItem('cg-lang'); } catch (e) { /* storage off */ }
    return cg.langs.includes(l) ? l : 'en';
  };
  cg.setLang = function setLang(l) {
    try { localStorage.setItem('cg-lang', l); } catch (e) { /* storage off */ }
  };

  // IRIs, ids and prefixes.
  cg.base = 'https://w3id.org/civicgraph/id/';
  cg.prefixes = [
    ['cg', 'https://w3id.org/civicgraph/ns#'],
    ['cgg', 'https://w3id.org/civicgraph/graph/'],
    ['rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
    ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'],
    ['owl', 'http://www.w3.org/2002/07/owl#'],
    ['xsd', 'http://www.w3.org/2001/XMLSchema#'],
    ['skos', 'http://www.w3.org/2004/02/skos/core#'],
    ['dct', 'http://purl.org/dc/terms/'],
    ['foaf', 'http://xmlns.com/foaf/0.1/'],
    ['org', 'http://www.w3.org/ns/org#'],
    ['schema', 'http://schema.org/'],
    ['bibo', 'http://purl.org/ontology/bibo/'],
    ['prov', 'http://www.w3.org/ns/prov#'],
    ['dcat', 'http://www.w3.org/ns/dcat#'],
    ['void', 'http://rdfs.org/ns/void#'],
    ['epo', 'http://data.europa.eu/a4g/ontology#'],
    ['vann', 'http://purl.org/vocab/vann/'],
    ['sh', 'http://www.w3.org/ns/shacl#'],
  ];
  cg.compact = function compact(iri) {
    if (!iri) return '';
    for (const [p, ns] of cg.prefixes) if (iri.startsWith(ns) && iri.length > ns.length) return p + ':' + iri.slice(ns.length);
    if (iri.startsWith(cg.base)) return iri.slice(cg.base.length);
    return iri;
  };
  // local is the last segment of an IRI: Reference for cg:Reference.
  cg.local = function local(iri) { return (iri || '').replace(/^.*[#/:]/, ''); };
  // isLocalID reports whether an id names an entity of this store (an IRI
  // relative to the base, such as actor/nesta).
  cg.isLocalID = function isLocalID(id) { return !!id && !/^[a-z][a-z0-9+.-]*:/i.test(id) && !id.startsWith('_:') && id.includes('/'); };
  cg.pageURL = function pageURL(id) { return '/page/' + id.split('/').map(encodeURIComponent).join('/'); };
  cg.iriOf = function iriOf(id) { return cg.isLocalID(id) ? cg.base + id : id; };

  // Classes: the GraphQL types of nodes, their names and colours (on
  // white, each with contrast of at least 3:1 for graphics).
  cg.classes = {
    Administration: { name: 'Administration', plural: 'Administrations', color: '#1d4e89', list: 'administrations' },
    Actor: { name: 'Actor', plural: 'Actors', color: '#2f7d32', list: 'actors' },
    Mission: { name: 'Mission', plural: 'Missions', color: '#8e24aa', list: 'missions' },
    Procurement: { name: 'Procurement', plural: 'Procurements', color: '#c62828', list: 'procurements' },
    Mechanism: { name: 'Mechanism', plural: 'Mechanisms', color: '#b35c00', list: 'mechanisms' },
    Engagement: { name: 'Engagement', plural: 'Engagements', color: '#00796b', list: 'engagements' },
    Reference: { name: 'Reference', plural: 'References', color: '#5d4037', list: 'references' },
    Person: { name: 'Person', plural: 'Persons', color: '#ad1457', list: 'persons' },
    Concept: { name: 'Concept', plural: 'Concepts', color: '#827717', list: 'concepts' },
    Statement: { name: 'Statement', plural: 'Statements', color: '#3949ab', list: 'statements' },
    Resource: { name: 'Other', plural: 'Other resources', color: '#757575' },
  };
  cg.classOf = function classOf(typename) { return cg.classes[typename] || cg.classes.Resource; };
  cg.badge = function badge(typename) {
    const c = cg.classOf(typename);
    const b = cg.h('span', { class: 'badge' }, c.name);
    b.style.borderColor = c.color;
    b.style.color = c.color;
    return b;
  };
  // nodeLink links a node ({id, label, __typename}) to its page, with its
  // class; a node of no page is its IRI, linked when it is one.
  cg.nodeLink = function nodeLink(n, opts) {
    const label = n.label || n.id;
    const parts = [];
    if (!opts || opts.badge !== false) parts.push(cg.badge(n.__typename), ' ');
    if (cg.isLocalID(n.id)) parts.push(cg.h('a', { href: cg.pageURL(n.id) }, label));
    else if (/^https?:/.test(n.id)) parts.push(cg.h('a', { href: n.id, rel: 'noopener' }, label));
    else parts.push(label);
    return cg.h('span', { class: 'node' }, parts);
  };

  // download offers text as a file.
  cg.download = function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = cg.h('a', { href: url, download: name, class: 'visually-hidden' }, name);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };

  // debounce calls f once input has paused for ms.
  cg.debounce = function debounce(f, ms) {
    let t;
    return (...args) => { clearTimeout(t); t = setTimeout(() => f(...args), ms); };
  };

  // The router: cg.routes maps a path (or a prefix ending in /) to a page
  // function (main, params) => Promise; links to pages are followed
  // without reloading.
  cg.routes = {};
  cg.pageFor = function pageFor(path) {
    if (path === '/graphql') return cg.routes['/console'];
    if (cg.routes[path]) return cg.routes[path];
    for (const [p, f] of Object.entries(cg.routes)) if (p.endsWith('/') && p !== '/' && path.startsWith(p)) return f;
    return null;
  };
  let renderSeq = 0;
  cg.render = async function render() {
    const main = document.getElementById('main');
    const seq = ++renderSeq;
    const page = cg.pageFor(location.pathname);
    cg.clear(main);
    main.setAttribute('aria-busy', 'true');
    for (const a of document.querySelectorAll('header nav a')) {
      const href = a.getAttribute('href');
      const here = location.pathname === href || (href === '/console' && location.pathname === '/graphql');
      if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    }
    const started = performance.now();
    try {
      if (!page) {
        document.title = 'Not found · civicgraph';
        main.append(cg.h('h1', { tabindex: '-1' }, 'Not found'), cg.h('p', {}, 'There is no page at ' + location.pathname + '.'));
      } else {
        await page(main, new URLSearchParams(location.search), () => seq === renderSeq);
      }
    } catch (err) {
      if (seq === renderSeq) main.append(cg.errorBox(err));
    }
    if (seq !== renderSeq) return;
    main.removeAttribute('aria-busy');
    main.dataset.ready = 'true';
    main.dataset.ms = String(Math.round(performance.now() - started));
  };
  // title sets the document title and returns the page's heading, which
  // gets the focus after a navigation.
  cg.title = function title(text, sub) {
    document.title = text + ' · civicgraph';
    return cg.h('h1', { tabindex: '-1' }, text, sub ? cg.h('small', {}, ' ', sub) : null);
  };
  cg.navigate = function navigate(url, replace) {
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    document.getElementById('main').dataset.ready = 'false';
    return cg.render().then(() => {
      const h1 = document.querySelector('main h1');
      if (h1 && !replace) h1.focus();
      window.scrollTo(0, 0);
    });
  };
  cg.isPagePath = function isPagePath(path) { return !!cg.pageFor(path); };
})();
