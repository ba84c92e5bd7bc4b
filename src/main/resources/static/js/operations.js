// Draws a monitor's last 90 days from the JSON its chart element carries in data-chart: the signal,
// the threshold as a line, and the points where the monitor would have fired in red. A day without a
// value is a gap, never 0.
(function () {
    var element = document.getElementById("monitor-history");
    if (!element || !window.echarts) {
        return;
    }
    var points = JSON.parse(element.getAttribute("data-chart"));
    var threshold = Number(element.getAttribute("data-threshold"));
    var signal = element.getAttribute("data-signal");
    var fired = points.filter(function (p) { return p.wouldFire; }).length;
    var last = points.length ? points[points.length - 1] : null;
    Pitwall.describe(element, signal + " over the last " + points.length + " points, threshold " + threshold
        + "; it would have fired on " + fired + "; latest " + (last && last.value != null ? last.value : "no value"));
    var chart = echarts.init(element);
    chart.setOption({
        tooltip: { trigger: "axis", formatter: function (items) {
            var p = points[items[0].dataIndex];
            return Pitwall.text(p.day) + "<br>" + Pitwall.text(signal) + ": " + (p.value == null ? "—" : Pitwall.text(p.value.toFixed(4)))
                + " (" + p.samples + " samples)" + (p.wouldFire ? "<br><strong>would fire</strong>" : "");
        } },
        grid: { left: 60, right: 20, top: 20, bottom: 30 },
        xAxis: { type: "category", data: points.map(function (p) { return p.day; }) },
        yAxis: { type: "value", scale: true },
        series: [{
            type: "line", name: signal, connectNulls: false, symbolSize: 6, showAllSymbol: true,
            data: points.map(function (p) {
                return { value: p.value, itemStyle: { color: p.wouldFire ? "#b02a37" : "#0d6efd" } };
            }),
            markLine: { symbol: "none", silent: true, lineStyle: { color: "#b02a37", type: "dashed" },
                data: [{ yAxis: threshold, name: "threshold", label: { formatter: "threshold {c}" } }] }
        }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
})();
