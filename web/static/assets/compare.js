// compare.js: the comparison of administrations. Its GraphQL API
// (compare) is not in this server's schema yet; the page says so, and
// shows what the store can already tell about administrations.
'use strict';
(function () {
  const cg = window.cg;
  const h = cg.h;
  cg.routes['/compare'] = async function comparePage(main) {
    main.append(cg.title('Compare administrations'));
    const d = await cg.query('query HasCompare { __schema { queryType { fields { name } } } }');
    const has = d.__schema.queryType.fields.some((f) => f.name === 'compare');
    if (!has) {
      main.append(h('div', { class: 'card', role: 'note' }, h('p', {}, h('strong', {}, 'The comparison is not available on this server. '),
        'Its API (the GraphQL field compare) is not in this server\u2019s schema, so there is no heatmap of administrations \u00d7 measures to show yet.')));
    }
    const a = await cg.query('query Administrations($lang: String) { administrations(first: 100, orderBy: LABEL) { totalCount nodes { __typename id label(lang: $lang) country engagements(first: 1) { totalCount } procurements(first: 1) { totalCount } missions(first: 1) { totalCount } } } }', { lang: cg.lang() });
    main.append(h('h2', {}, 'Administrations in the store (' + a.administrations.totalCount + ')'),
      h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {}, ['Administration', 'Country', 'Procurements', 'Missions', 'Engagements'].map((c, i) => h('th', { scope: 'col', class: i > 1 ? 'num' : null }, c)))),
        h('tbody', {}, a.administrations.nodes.map((n) => h('tr', {}, h('td', {}, cg.nodeLink(n, { badge: false })), h('td', {}, n.country || ''),
          h('td', { class: 'num' }, n.procurements.totalCount), h('td', { class: 'num' }, n.missions.totalCount), h('td', { class: 'num' }, n.engagements.totalCount)))))));
  };
})();
