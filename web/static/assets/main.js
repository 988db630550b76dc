// main.js: starts the explorer once every page has registered its route.
'use strict';
(function () {
  const cg = window.cg;
  const sel = document.getElementById('lang');
  sel.value = cg.lang();
  sel.addEventListener('change', () => {
    cg.setLang(sel.value);
    document.documentElement.lang = sel.value;
    cg.announce('Labels now in ' + sel.options[sel.selectedIndex].text);
    cg.render();
  });
  document.documentElement.lang = cg.lang();
  // Follow links to pages without reloading the app.
  document.addEventListener('click', (ev) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = ev.target.closest && ev.target.closest('a[href]');
    if (!a || a.hasAttribute('download') || a.target) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !cg.isPagePath(url.pathname)) return;
    ev.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      location.hash = url.hash;
      return;
    }
    cg.navigate(url.pathname + url.search + url.hash);
  });
  window.addEventListener('popstate', () => cg.render());
  cg.render();
})();
