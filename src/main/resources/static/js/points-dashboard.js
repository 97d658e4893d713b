// Draws the dashboard's charts from the JSON the server put in the page; the tables stay as the fallback.
(function () {
  var source = document.getElementById('dashboard-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var series = data[el.dataset.chart];
    if (!series) {
      return;
    }
    var kind = el.dataset.kind;
    var horizontal = kind === 'hbar';
    var category = { type: 'category', data: series.labels, inverse: horizontal };
    var value = { type: 'value', minInterval: 1 };
    var chart = echarts.init(el);
    chart.setOption({
      color: ['#d7261e'],
      grid: { left: horizontal ? 120 : 40, right: 16, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: kind === 'line' ? 'line' : 'bar', data: series.values, smooth: kind === 'line' }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
