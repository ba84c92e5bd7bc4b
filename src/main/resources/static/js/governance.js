// Renders the workflows × controls heatmap from the JSON the page carries in data-chart.
(function () {
    var element = document.getElementById("controls-heatmap");
    if (!element || !window.echarts) {
        return;
    }
    var data = JSON.parse(element.getAttribute("data-chart"));
    var states = ["not required", "missing", "planned", "implemented", "verified", "no valid evidence"];
    var counts = states.map(function (s, i) { return data.cells.filter(function (c) { return c[2] === i; }).length; });
    Pitwall.describe(element, "Controls of " + data.workflows.length + " workflows: " + states.map(function (s, i) {
        return counts[i] + " " + s;
    }).join(", ") + ". Each workflow's controls are listed on its governance page.");
    var chart = echarts.init(element);
    chart.setOption({
        tooltip: {
            formatter: function (p) {
                return Pitwall.text(data.workflows[p.value[1]]) + "<br>" + Pitwall.text(data.controls[p.value[0]]) + ": "
                    + Pitwall.text(p.value[3]);
            }
        },
        grid: { left: 260, right: 20, top: 20, bottom: 170 },
        xAxis: { type: "category", data: data.controls, axisLabel: { rotate: 40 } },
        yAxis: { type: "category", data: data.workflows, inverse: true },
        visualMap: {
            type: "piecewise", orient: "horizontal", left: "center", bottom: 0, dimension: 2,
            pieces: [
                { value: 0, label: "not required", color: "#e9ecef" },
                { value: 1, label: "missing", color: "#e63946" },
                { value: 2, label: "planned", color: "#f4a261" },
                { value: 5, label: "no valid evidence", color: "#9d4edd" },
                { value: 3, label: "implemented", color: "#84c5a9" },
                { value: 4, label: "verified", color: "#2a9d8f" }
            ]
        },
        series: [{ type: "heatmap", data: data.cells, label: { show: false },
            itemStyle: { borderColor: "#fff", borderWidth: 2 } }]
    });
    chart.on("click", function (p) {
        window.location.href = Pitwall.url("/governance/workflows/" + encodeURIComponent(data.keys[p.value[1]]));
    });
    window.addEventListener("resize", function () { chart.resize(); });
})();
