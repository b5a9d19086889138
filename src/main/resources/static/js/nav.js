// Marks the menu entry of the page being shown (aria-current="page", Bootstrap's "active"), and the
// dropdown that holds it. The entry is the one whose address is the longest leading part of this
// page's path, so /dashboards/regions/450602 lights 进展看板 › 总览 and /targets/7/cascade 目标值.
(function () {
  'use strict';
  var nav = document.getElementById('portal-nav');
  if (!nav) {
    return;
  }
  var path = window.location.pathname.replace(/\/+$/, '') || '/';
  var best = null;
  var bestLength = -1;
  nav.querySelectorAll('a.nav-link[href], a.dropdown-item[href]').forEach(function (link) {
    var href = link.getAttribute('href');
    if (!href || href.charAt(0) === '#' || href.indexOf('?') >= 0 || href.indexOf('lang=') >= 0) {
      return;
    }
    var target = new URL(href, window.location.href).pathname.replace(/\/+$/, '') || '/';
    var matches = target === '/' ? path === '/' : path === target || path.indexOf(target + '/') === 0;
    if (matches && target.length > bestLength) {
      best = link;
      bestLength = target.length;
    }
  });
  if (!best) {
    return;
  }
  best.setAttribute('aria-current', 'page');
  best.classList.add('active');
  var dropdown = best.closest('.dropdown');
  if (dropdown) {
    var toggle = dropdown.querySelector('.dropdown-toggle');
    if (toggle) {
      toggle.classList.add('active');
    }
  }
})();
