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
  window.addEventListener('beforeprint', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();

// Print buttons (no inline handlers under the content security policy).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
