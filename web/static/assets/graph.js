// graph.js: the neighbourhood picture. An SVG node-link drawing of an
// entity's neighbours (GraphQL neighbors), laid out by a small force
// simulation written here (Fruchterman and Reingold's, run to the end
// before drawing, so the picture does not move under the reader), coloured
// by class with a legend; a click or Enter on a node opens its page.
'use strict';
(function () {
  const cg = window.cg;
  const h = cg.h;
  // The picture's box: landscape, or portrait on a narrow screen, where a
  // landscape picture would shrink its labels out of reading.
  let W = 1000;
  let H = 640;
  function box(width) {
    if (width && width < 600) { W = 520; H = 720; } else { W = 1000; H = 640; }
  }

  // layout places nodes (with .depth) linked by edges ({s, t} indexes)
  // in a W×H box and returns [{x, y}].
  cg.layout = function layout(nodes, edges, iterations) {
    const n = nodes.length;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const byDepth = {};
    nodes.forEach((nd, i) => { (byDepth[nd.depth] = byDepth[nd.depth] || []).push(i); });
    for (const [d, idx] of Object.entries(byDepth)) {
      idx.forEach((i, j) => {
        const r = Number(d) * 170;
        const a = (2 * Math.PI * j) / idx.length + Number(d) * 0.7;
        x[i] = W / 2 + r * Math.cos(a) * 1.3;
        y[i] = H / 2 + r * Math.sin(a);
      });
    }
    const k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.75;
    const k2 = k * k;
    // Pairs further apart than 3k push each other too little to matter.
    const far2 = 9 * k2;
    let temp = W / 8;
    iterations = iterations || 220;
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let it = 0; it < iterations && n > 1; it++) {
      dx.fill(0); dy.fill(0);
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        const yi = y[i];
        for (let j = i + 1; j < n; j++) {
          let ex = xi - x[j];
          let ey = yi - y[j];
          let d2 = ex * ex + ey * ey;
          if (d2 > far2) continue;
          if (d2 < 0.01) { ex = (i - j) * 0.1; ey = 0.1; d2 = ex * ex + ey * ey; }
          const f = k2 / d2;
          dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
        }
      }
      for (const e of edges) {
        const ex = x[e.s] - x[e.t];
        const ey = y[e.s] - y[e.t];
        const f = Math.sqrt(ex * ex + ey * ey) / k;
        dx[e.s] -= ex * f; dy[e.s] -= ey * f; dx[e.t] += ex * f; dy[e.t] += ey * f;
      }
      for (let i = 1; i < n; i++) {
        // A pull to the centre keeps loose parts in the picture; the
        // starting node (0) is held there.
        dx[i] += (W / 2 - x[i]) * 0.0005 * k;
        dy[i] += (H / 2 - y[i]) * 0.0005 * k;
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
        const step = Math.min(d, temp);
        x[i] = Math.min(W - 20, Math.max(20, x[i] + (dx[i] / d) * step));
        y[i] = Math.min(H - 20, Math.max(20, y[i] + (dy[i] / d) * step));
      }
      temp = Math.max(temp * 0.98, 1);
    }
    return nodes.map((_, i) => ({ x: x[i], y: y[i] }));
  };

  const neighborsQuery = `query Neighbourhood($id: String!, $depth: Int, $limit: Int, $lang: String, $predicates: [String!]) {
  neighbors(iri: $id, depth: $depth, limit: $limit, predicates: $predicates) {
    truncated
    nodes { __typename id label(lang: $lang) }
    edges { predicate from { id } to { id } }
  }
}`;

  // skipped are the predicates the picture leaves out unless asked: the
  // links to sources, and rdf:type (which neighbors follows only when named).
  const skipped = ['http://www.w3.org/ns/prov#wasDerivedFrom', 'http://purl.org/dc/terms/source', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'];

  // neighbourhood draws the neighbours of id into section, with controls.
  cg.neighbourhood = async function neighbourhood(section, id) {
    const depthSel = h('select', { id: 'nb-depth' }, h('option', { value: 1 }, '1'), h('option', { value: 2, selected: true }, '2'));
    const limitSel = h('select', { id: 'nb-limit' }, [50, 100, 200].map((v) => h('option', { value: v, selected: v === 200 }, v)));
    const allLabels = h('input', { type: 'checkbox', id: 'nb-labels' });
    const sources = h('input', { type: 'checkbox', id: 'nb-sources' });
    const zoomIn = h('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom in' }, '+');
    const zoomOut = h('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom out' }, '−');
    const zoomReset = h('button', { type: 'button', class: 'secondary' }, 'Fit');
    const holder = h('div');
    section.append(h('div', { class: 'row' },
      h('label', { for: 'nb-depth' }, 'Depth ', depthSel), h('label', { for: 'nb-limit' }, 'At most nodes ', limitSel),
      h('label', { for: 'nb-sources', title: 'prov:wasDerivedFrom and dct:source: every entity links to the source text it was taken from, which links to everything else taken from it' }, sources, ' Through sources'),
      h('label', { for: 'nb-labels' }, allLabels, ' All labels'), zoomIn, zoomOut, zoomReset), holder);
    let view = { x: 0, y: 0, w: W, h: H };
    let svg = null;
    const setView = () => { if (svg) svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].map((v) => v.toFixed(1)).join(' ')); };
    const zoom = (f, cx, cy) => {
      cx = cx === undefined ? view.x + view.w / 2 : cx;
      cy = cy === undefined ? view.y + view.h / 2 : cy;
      const w = Math.min(W * 2, Math.max(W / 8, view.w * f));
      const r = w / view.w;
      view = { x: cx - (cx - view.x) * r, y: cy - (cy - view.y) * r, w, h: view.h * r };
      setView();
    };
    zoomIn.addEventListener('click', () => zoom(0.7));
    zoomOut.addEventListener('click', () => zoom(1 / 0.7));
    let fitted = { x: 0, y: 0, w: W, h: H };
    zoomReset.addEventListener('click', () => { view = { ...fitted }; setView(); });
    allLabels.addEventListener('change', () => holder.classList.toggle('all-labels', allLabels.checked));

    const draw = async () => {
      cg.clear(holder).append(h('p', { class: 'muted' }, 'Loading the neighbourhood…'));
      const started = performance.now();
      // Unless asked, links to sources are not followed: a source text
      // links to everything taken from it, and would fill the picture.
      let predicates = null;
      if (!sources.checked) {
        if (!cg.linkPredicates) {
          const st = await cg.query('query Predicates { stats { predicates(first: 1000) { iri } } }');
          cg.linkPredicates = st.stats.predicates.map((p) => p.iri);
        }
        predicates = cg.linkPredicates.filter((p) => !skipped.includes(p));
      }
      const d = await cg.query(neighborsQuery, { id, depth: Number(depthSel.value), limit: Number(limitSel.value), lang: cg.lang(), predicates });
      const nb = d.neighbors;
      const index = new Map(nb.nodes.map((nd, i) => [nd.id, i]));
      const edges = [];
      const seen = new Set();
      for (const e of nb.edges) {
        const s = index.get(e.from.id);
        const t = index.get(e.to.id);
        if (s === undefined || t === undefined || s === t) continue;
        const key = Math.min(s, t) + ' ' + Math.max(s, t);
        if (seen.has(key)) { edges.find((x) => x.key === key).preds.push(e.predicate); continue; }
        seen.add(key);
        edges.push({ s, t, key, preds: [e.predicate] });
      }
      // Depth by breadth-first search from the start.
      const adj = nb.nodes.map(() => []);
      for (const e of edges) { adj[e.s].push(e.t); adj[e.t].push(e.s); }
      const nodes = nb.nodes.map((nd) => ({ ...nd, depth: 99 }));
      if (nodes.length) nodes[0].depth = 0;
      const queue = [0];
      while (queue.length) {
        const i = queue.shift();
        for (const j of adj[i]) if (nodes[j].depth > nodes[i].depth + 1) { nodes[j].depth = nodes[i].depth + 1; queue.push(j); }
      }
      for (const nd of nodes) if (nd.depth === 99) nd.depth = 3;
      box(holder.clientWidth || section.clientWidth);
      const fetched = performance.now();
      const pos = cg.layout(nodes, edges);
      holder.dataset.layoutMs = String(Math.round(performance.now() - fetched));
      cg.clear(holder);
      // The first view fits the nodes (and room for labels on the right),
      // in the box's proportions.
      let x0 = W, y0 = H, x1 = 0, y1 = 0;
      for (const p of pos) { x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y); }
      x0 -= 30; y0 -= 30; x1 += 120; y1 += 30;
      let fw = Math.max(x1 - x0, 200);
      let fh = Math.max(y1 - y0, 200 * H / W);
      if (fw / fh > W / H) fh = fw * H / W; else fw = fh * W / H;
      fitted = { x: (x0 + x1) / 2 - fw / 2, y: (y0 + y1) / 2 - fh / 2, w: Math.min(fw, W * 1.2), h: Math.min(fh, H * 1.2) };
      view = { ...fitted };
      svg = h('svg:svg', { viewBox: [view.x, view.y, view.w, view.h].map((v) => v.toFixed(1)).join(' '), width: W, height: H, role: 'group', 'aria-label': 'Neighbourhood of ' + (nodes[0] ? nodes[0].label || id : id) + ': ' + nodes.length + ' nodes, ' + edges.length + ' links. Tab to a node, Enter to open it.' });
      const gEdges = h('svg:g', { class: 'edges' });
      for (const e of edges) {
        gEdges.append(h('svg:line', { x1: pos[e.s].x.toFixed(1), y1: pos[e.s].y.toFixed(1), x2: pos[e.t].x.toFixed(1), y2: pos[e.t].y.toFixed(1) },
          h('svg:title', {}, e.preds.map(cg.compact).join(', '))));
      }
      svg.append(gEdges);
      const gNodes = h('svg:g', { class: 'nodes' });
      nodes.forEach((nd, i) => {
        const c = cg.classOf(nd.__typename);
        const r = i === 0 ? 12 : Math.min(10, 4 + Math.sqrt(adj[i].length) * 1.5);
        const label = nd.label || nd.id;
        const short = label.length > 28 ? label.slice(0, 27) + '…' : label;
        const linkable = cg.isLocalID(nd.id);
        const g = h('svg:g', { class: 'node-g' + (nodes.length > 60 && nd.depth > 1 && !(adj[i].length > 4) ? ' far' : ''), transform: 'translate(' + pos[i].x.toFixed(1) + ' ' + pos[i].y.toFixed(1) + ')',
          tabindex: linkable ? '0' : null, role: linkable ? 'link' : 'img', 'aria-label': label + ', ' + c.name, 'data-id': nd.id },
        h('svg:title', {}, label + ' (' + c.name + ')'),
        h('svg:circle', { r: r.toFixed(1), fill: c.color, stroke: i === 0 ? '#000' : '#fff', 'stroke-width': i === 0 ? 3 : 1.5 }),
        h('svg:text', { x: (r + 3).toFixed(1), y: '4' }, short));
        if (linkable) {
          const go = () => cg.navigate(cg.pageURL(nd.id));
          g.addEventListener('click', go);
          g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(); } });
        }
        gNodes.append(g);
      });
      // The entity itself is drawn last, over the others.
      if (gNodes.firstChild) gNodes.append(gNodes.firstChild);
      svg.append(gNodes);
      // Pan by dragging, zoom with the wheel.
      let drag = null;
      svg.addEventListener('pointerdown', (ev) => { if (ev.target.closest('.node-g')) return; drag = { x: ev.clientX, y: ev.clientY, v: { ...view } }; svg.setPointerCapture(ev.pointerId); });
      svg.addEventListener('pointermove', (ev) => {
        if (!drag) return;
        const scale = view.w / svg.getBoundingClientRect().width;
        view = { ...drag.v, x: drag.v.x - (ev.clientX - drag.x) * scale, y: drag.v.y - (ev.clientY - drag.y) * scale };
        setView();
      });
      svg.addEventListener('pointerup', () => { drag = null; });
      svg.addEventListener('wheel', (ev) => {
        ev.preventDefault();
        const rect = svg.getBoundingClientRect();
        zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, view.x + ((ev.clientX - rect.left) / rect.width) * view.w, view.y + ((ev.clientY - rect.top) / rect.height) * view.h);
      }, { passive: false });
      const counts = new Map();
      for (const nd of nodes) { const c = cg.classOf(nd.__typename); counts.set(c, (counts.get(c) || 0) + 1); }
      const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' }, [...counts].map(([c, k]) => {
        const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        sw.style.background = c.color;
        return h('li', {}, sw, c.plural + ' (' + k + ')');
      }));
      const list = h('details', {}, h('summary', {}, 'The ' + nodes.length + ' nodes as a list'),
        h('ul', { class: 'plain' }, nodes.map((nd) => h('li', {}, cg.nodeLink(nd), nd.depth ? h('span', { class: 'muted' }, ' · ' + nd.depth + (nd.depth === 1 ? ' link' : ' links') + ' away') : h('span', { class: 'muted' }, ' · this entity')))));
      holder.append(h('div', { class: 'graph-wrap' }, svg), legend,
        h('p', { class: 'hint' }, nodes.length + ' nodes, ' + edges.length + ' links' + (nb.truncated ? '; more were reachable than shown (raise the limit, or lower the depth)' : '') + (sources.checked ? '' : '; links through sources left out') + '. Drag to move, wheel or buttons to zoom; labels of far nodes show on hover and focus.'),
        list);
      holder.dataset.ms = String(Math.round(performance.now() - started));
    };
    depthSel.addEventListener('change', () => draw().catch((e) => cg.clear(holder).append(cg.errorBox(e))));
    sources.addEventListener('change', () => draw().catch((e) => cg.clear(holder).append(cg.errorBox(e))));
    limitSel.addEventListener('change', () => draw().catch((e) => cg.clear(holder).append(cg.errorBox(e))));
    await draw();
  };
})();
