// Draws every element with a data-chart attribute (ECharts options as JSON) as SVG, so charts stay
// sharp when printed. The numbers are also in the table beside each chart.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(element.getAttribute('data-chart')));
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
  // Chromium fires beforeprint while the page still has its screen layout, then lays it out for A4
  // without a resize event: a chart resized to its screen box kept 620 × 320 px in a 703 × 260 px
  // printed box, and the ranking's county names and the area chart's axis and legend fell under the
  // tables below. So before printing each chart is drawn at its printed size (portal.css: A4 less
  // 12 mm margins is 703 px at 96 dpi, .chart is 260 px high in print), again once the print
  // layout applies, and at its screen size afterwards.
  // resize() only schedules the drawing for the next animation frame, which printing does not wait
  // for: flush draws it now.
  var PRINT_WIDTH = 703;
  var PRINT_HEIGHT = 260;
  function draw(size) {
    charts.forEach(function (chart) {
      chart.resize(size(chart));
      chart.getZr().flush();
    });
  }
  window.addEventListener('beforeprint', function () {
    draw(function () { return { width: PRINT_WIDTH, height: PRINT_HEIGHT }; });
  });
  window.matchMedia('print').addEventListener('change', function (event) {
    if (event.matches) {
      draw(function (chart) { return { width: chart.getDom().clientWidth, height: chart.getDom().clientHeight }; });
    }
  });
  window.addEventListener('afterprint', function () {
    draw(function () { return { width: 'auto', height: 'auto' }; });
  });
})();

// Print buttons (no inline handlers under the content security policy).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
