// cite.js: references as BibTeX, RIS and CSL-JSON, written in the
// browser from what the GraphQL API returns (Reference: title, authors,
// editors, issued, year, container, series, publishers, places, urls, doi,
// languages, types).
'use strict';
(function () {
  const cg = window.cg;
  const BIBO = 'http://purl.org/ontology/bibo/';
  const CG = 'https://w3id.org/civicgraph/ns#';
  // kinds maps a class to [BibTeX, RIS, CSL] types; the first class of a
  // reference found here decides.
  const kinds = [
    [BIBO + 'AcademicArticle', ['article', 'JOUR', 'article-journal']],
    [BIBO + 'Article', ['article', 'JOUR', 'article-journal']],
    [BIBO + 'EditedBook', ['book', 'EDBOOK', 'book']],
    [BIBO + 'Book', ['book', 'BOOK', 'book']],
    [BIBO + 'Chapter', ['incollection', 'CHAP', 'chapter']],
    [BIBO + 'BookSection', ['incollection', 'CHAP', 'chapter']],
    [BIBO + 'Thesis', ['phdthesis', 'THES', 'thesis']],
    [BIBO + 'Report', ['techreport', 'RPRT', 'report']],
    [CG + 'WorkingPaper', ['techreport', 'RPRT', 'report']],
    [CG + 'Paper', ['inproceedings', 'CPAPER', 'paper-conference']],
    [BIBO + 'Proceedings', ['proceedings', 'CONF', 'book']],
    [BIBO + 'Webpage', ['misc', 'ELEC', 'webpage']],
    [BIBO + 'Slideshow', ['misc', 'SLIDE', 'speech']],
    [BIBO + 'Excerpt', ['misc', 'GEN', 'document']],
  ];
  function kind(ref) {
    for (const [iri, k] of kinds) if ((ref.types || []).includes(iri)) return k;
    return ['misc', 'GEN', 'document'];
  }
  // name splits an author into family and given names: a person's own
  // fields, else "Given Family" for persons, else a literal (organisations).
  function name(a) {
    if (a.familyName) return { family: a.familyName, given: a.givenName || '' };
    if (a.__typename === 'Person' && a.label && a.label.includes(',')) {
      const [family, given] = a.label.split(',', 2);
      return { family: family.trim(), given: given.trim() };
    }
    return { literal: a.label || a.id };
  }
  function key(ref) { return (ref.id || 'ref').replace(/^.*\//, '').replace(/[^A-Za-z0-9_:.-]/g, '-'); }
  function year(ref) { return ref.year || (ref.issued ? parseInt(ref.issued, 10) : null); }

  function bibEscape(s) { return String(s).replace(/\\/g, '\\textbackslash{}').replace(/([{}&%$#_])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}'); }
  function bibNames(list) {
    return list.map((a) => { const n = name(a); return n.literal ? '{' + bibEscape(n.literal) + '}' : bibEscape(n.family) + (n.given ? ', ' + bibEscape(n.given) : ''); }).join(' and ');
  }
  cg.toBibTeX = function toBibTeX(refs) {
    return refs.map((r) => {
      const [type] = kind(r);
      const f = [];
      const add = (k, v) => { if (v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) f.push('  ' + k + ' = {' + v + '}'); };
      add('title', r.title ? '{' + bibEscape(r.title) + '}' : '');
      add('author', (r.authors || []).length ? bibNames(r.authors) : '');
      add('editor', (r.editors || []).length ? bibNames(r.editors) : '');
      add('year', year(r));
      if (r.container) add(type === 'article' ? 'journal' : 'booktitle', bibEscape(r.container));
      add('series', r.series ? bibEscape(r.series) : '');
      add(type === 'techreport' ? 'institution' : 'publisher', (r.publishers || []).map(bibEscape).join(' and '));
      add('address', (r.places || []).map(bibEscape).join('; '));
      add('doi', r.doi || '');
      add('url', (r.urls || [])[0] || '');
      add('language', (r.languages || []).join(', '));
      return '@' + type + '{' + key(r) + ',\n' + f.join(',\n') + '\n}\n';
    }).join('\n');
  };

  cg.toRIS = function toRIS(refs) {
    const out = [];
    for (const r of refs) {
      const [, type] = kind(r);
      const line = (tag, v) => { if (v !== null && v !== undefined && v !== '') out.push(tag + '  - ' + String(v).replace(/[\r\n]+/g, ' ')); };
      line('TY', type);
      line('ID', key(r));
      line('TI', r.title);
      for (const a of r.authors || []) { const n = name(a); line('AU', n.literal || (n.family + (n.given ? ', ' + n.given : ''))); }
      for (const a of r.editors || []) { const n = name(a); line('ED', n.literal || (n.family + (n.given ? ', ' + n.given : ''))); }
      line('PY', year(r));
      if (r.issued && r.issued.length > 4) line('DA', r.issued.replace(/-/g, '/'));
      line('T2', r.container);
      line('T3', r.series);
      for (const p of r.publishers || []) line('PB', p);
      for (const p of r.places || []) line('CY', p);
      line('DO', r.doi);
      for (const u of r.urls || []) line('UR', u);
      for (const l of r.languages || []) line('LA', l);
      out.push('ER  - ', '');
    }
    return out.join('\r\n');
  };

  cg.toCSL = function toCSL(refs) {
    return JSON.stringify(refs.map((r) => {
      const [, , type] = kind(r);
      const item = { id: key(r), type, title: r.title || undefined };
      if ((r.authors || []).length) item.author = r.authors.map(name);
      if ((r.editors || []).length) item.editor = r.editors.map(name);
      const y = year(r);
      if (r.issued && /^\d{4}(-\d{2}){0,2}$/.test(r.issued)) item.issued = { 'date-parts': [r.issued.split('-').map(Number)] };
      else if (y) item.issued = { 'date-parts': [[y]] };
      if (r.container) item['container-title'] = r.container;
      if (r.series) item['collection-title'] = r.series;
      if ((r.publishers || []).length) item.publisher = r.publishers.join('; ');
      if ((r.places || []).length) item['publisher-place'] = r.places.join('; ');
      if (r.doi) item.DOI = r.doi;
      if ((r.urls || []).length) item.URL = r.urls[0];
      if ((r.languages || []).length) item.language = r.languages[0];
      if (r.iri) item.note = r.iri;
      return item;
    }), null, 2) + '\n';
  };
})();
