// Renders the workflows × decision rights heatmap from the JSON the page carries in data-chart.
(function () {
    var element = document.getElementById("rights-heatmap");
    if (!element || !window.echarts) {
        return;
    }
    var data = JSON.parse(element.getAttribute("data-chart"));
    var labels = ["held", "holder inactive", "held by nobody"];
    var counts = labels.map(function (s, i) { return data.cells.filter(function (c) { return c[2] === i; }).length; });
    Pitwall.describe(element, "Decision rights of " + data.workflows.length + " workflows: " + labels.map(function (s, i) {
        return counts[i] + " " + s;
    }).join(", ") + ". The table below names every holder.");
    var chart = echarts.init(element);
    chart.setOption({
        tooltip: {
            formatter: function (p) {
                return Pitwall.text(data.workflows[p.value[1]]) + "<br>" + Pitwall.text(data.rights[p.value[0]]) + ": "
                    + Pitwall.text(p.value[3]) + " (" + labels[p.value[2]] + ")";
            }
        },
        grid: { left: 220, right: 20, top: 20, bottom: 150 },
        xAxis: { type: "category", data: data.rights, axisLabel: { rotate: 40 } },
        yAxis: { type: "category", data: data.workflows, inverse: true },
        visualMap: {
            type: "piecewise", orient: "horizontal", left: "center", bottom: 0, dimension: 2,
            pieces: [
                { value: 0, label: labels[0], color: "#2a9d8f" },
                { value: 1, label: labels[1], color: "#f4a261" },
                { value: 2, label: labels[2], color: "#e63946" }
            ]
        },
        series: [{ type: "heatmap", data: data.cells, label: { show: false },
            itemStyle: { borderColor: "#fff", borderWidth: 2 } }]
    });
    chart.on("click", function (p) {
        window.location.href = Pitwall.url("/portfolio/workflows/" + encodeURIComponent(data.keys[p.value[1]]));
    });
    window.addEventListener("resize", function () { chart.resize(); });
})();
