// Renders the scorecard charts from the JSON each chart element carries in data-chart. A figure
// that cannot be computed is drawn as missing with its reason, never as 0.
(function () {
    if (!window.echarts) {
        return;
    }
    var charts = [];
    function data(id) {
        var element = document.getElementById(id);
        return element ? { element: element, value: JSON.parse(element.getAttribute("data-chart")) } : null;
    }
    function init(element, option) {
        var chart = echarts.init(element);
        chart.setOption(option);
        charts.push(chart);
        return chart;
    }
    function money(v) {
        return v == null ? "—" : Math.round(v).toLocaleString("en");
    }
    /** An amount with the currency its chart element declares in data-currency, e.g. "12,400 EUR". */
    function moneyIn(element) {
        var currency = element.getAttribute("data-currency");
        return function (v) {
            return v == null ? "—" : money(v) + (currency ? " " + currency : "");
        };
    }
    function pct(v) {
        return v == null ? "—" : (v * 100).toFixed(1) + " %";
    }

    var gauges = data("gauges");
    if (gauges) {
        gauges.value.forEach(function (g) {
            var col = document.createElement("div");
            col.className = "col";
            var card = document.createElement("div");
            card.className = "card h-100";
            var box = document.createElement("div");
            box.className = "chart-gauge";
            box.setAttribute("data-gauge", g.id);
            // The drawn gauge is decoration: its value is in the text below it.
            box.setAttribute("aria-hidden", "true");
            card.appendChild(box);
            var valueText = document.createElement("div");
            valueText.className = "text-center small gauge-value";
            valueText.setAttribute("data-gauge-value", g.id);
            valueText.textContent = g.name + ": " + (g.value == null ? "—"
                : Math.round(g.value) + (g.id === "realization" || g.id === "adoptionDepth" ? " %" : " of 100"));
            card.appendChild(valueText);
            if (g.value == null) {
                var reason = document.createElement("div");
                reason.className = "small text-warning-emphasis px-2 pb-2";
                reason.textContent = g.reason;
                card.appendChild(reason);
            }
            col.appendChild(card);
            gauges.element.appendChild(col);
            var max = 100;
            init(box, {
                series: [{
                    type: "gauge", min: 0, max: max, radius: "88%", startAngle: 200, endAngle: -20,
                    progress: { show: true, width: 12 }, axisLine: { lineStyle: { width: 12 } },
                    axisTick: { show: false }, splitLine: { show: false }, axisLabel: { show: false },
                    pointer: { show: g.value != null }, anchor: { show: false },
                    title: { offsetCenter: [0, "72%"], fontSize: 12 },
                    detail: { valueAnimation: false, offsetCenter: [0, "35%"], fontSize: 20,
                        formatter: function (v) {
                            return g.value == null ? "—" : Math.round(v) + (g.id === "realization" || g.id === "adoptionDepth" ? " %" : "");
                        } },
                    data: [{ value: g.value == null ? 0 : Math.max(0, Math.min(max, g.value)), name: g.name }]
                }]
            });
        });
    }

    var spend = data("spend-chart");
    if (spend) {
        var tiers = spend.value.tiers;
        var spendMoney = moneyIn(spend.element);
        Pitwall.describe(spend.element, "Spend to date: infrastructure " + spendMoney(spend.value.infrastructure)
            + ", workforce " + spendMoney(spend.value.workforce)
            + tiers.map(function (t) { return ", of which " + t.tier + " " + spendMoney(t.workforceSpend); }).join(""));
        init(spend.element, {
            tooltip: { trigger: "axis", valueFormatter: moneyIn(spend.element) },
            grid: { left: 90, right: 20, top: 10, bottom: 30 },
            xAxis: { type: "value", axisLabel: { formatter: function (v) { return (v / 1000) + "k"; } } },
            yAxis: { type: "category", inverse: true,
                data: ["Infrastructure", "Workforce"].concat(tiers.map(function (t) { return "… " + t.tier; })) },
            series: [{ type: "bar", name: "Spend",
                data: [spend.value.infrastructure, spend.value.workforce].concat(tiers.map(function (t) { return t.workforceSpend; })),
                itemStyle: { color: function (p) { return p.dataIndex === 0 ? "#457b9d" : "#2a9d8f"; } } }]
        });
    }

    var waterfall = data("waterfall");
    if (waterfall) {
        var steps = waterfall.value;
        // potential, expected and realized are totals; the others are losses between them
        var totals = { potential: true, expected: true, realized: true };
        var base = [], bar = [], level = 0;
        steps.forEach(function (s) {
            var v = s.value == null ? null : s.value;
            if (totals[s.id]) {
                base.push(0);
                bar.push(v);
                level = v == null ? level : v;
            } else if (v == null) {
                base.push(0);
                bar.push(null);
            } else {
                level = level - v;
                base.push(Math.min(level, level + v));
                bar.push(Math.abs(v));
            }
        });
        Pitwall.describe(waterfall.element, "Value-capture waterfall: " + steps.map(function (s) {
            return s.name + " " + (s.value == null ? "unknown (" + s.reason + ")" : moneyIn(waterfall.element)(s.value));
        }).join("; "));
        init(waterfall.element, {
            tooltip: { trigger: "axis", formatter: function (p) {
                var s = steps[p[0].dataIndex];
                return Pitwall.text(s.name) + ": " + (s.value == null ? "— (" + Pitwall.text(s.reason) + ")"
                        : Pitwall.text(moneyIn(waterfall.element)(s.value))
                        + (!totals[s.id] && s.value < 0 ? " (a gain: realized exceeds expected)" : ""));
            } },
            grid: { left: 70, right: 10, top: 20, bottom: 60 },
            xAxis: { type: "category", data: steps.map(function (s) { return s.name; }), axisLabel: { interval: 0, rotate: 20 } },
            yAxis: { type: "value" },
            series: [
                { type: "bar", stack: "w", data: base, itemStyle: { color: "transparent" }, silent: true },
                { type: "bar", stack: "w", data: bar, label: { show: true, position: "top",
                    formatter: function (p) { return money(steps[p.dataIndex].value); } },
                    itemStyle: { color: function (p) {
                        var id = steps[p.dataIndex].id;
                        if (totals[id]) {
                            return id === "realized" ? "#2a9d8f" : "#457b9d";
                        }
                        // a negative loss is a gain (e.g. realized above expected): not drawn as a loss
                        return steps[p.dataIndex].value < 0 ? "#2a9d8f" : "#e76f51";
                    } } }
            ]
        });
    }

    var levels = data("levels");
    if (levels) {
        var base = levels.element.getAttribute("data-base");
        Pitwall.describe(levels.element, "Intended users by adoption level: " + levels.value.map(function (l) {
            return "level " + l.level + " " + l.name + ": " + l.people;
        }).join("; "));
        var chart = init(levels.element, {
            tooltip: { trigger: "axis" },
            grid: { left: 40, right: 10, top: 10, bottom: 30 },
            xAxis: { type: "category", data: levels.value.map(function (l) { return l.level + " " + l.name; }) },
            yAxis: { type: "value", minInterval: 1 },
            series: [{ type: "bar", name: "People", data: levels.value.map(function (l) { return l.people; }),
                itemStyle: { color: "#457b9d" } }]
        });
        if (document.querySelector("#level-links a")) {
            chart.on("click", function (p) {
                window.location.href = base + (base.indexOf("?") < 0 ? "?" : "&") + "level=" + levels.value[p.dataIndex].level;
            });
        }
    }

    function trend(id, series) {
        var d = data(id);
        if (!d) {
            return;
        }
        var last = d.value.length ? d.value[d.value.length - 1] : null;
        var first = d.value.length ? d.value[0] : null;
        Pitwall.describe(d.element, series.map(function (s) { return s[1]; }).join(" and ") + " by week"
            + (last ? ": " + series.map(function (s) {
                return s[1] + " " + pct(first[s[0]]) + " in the week of " + first.day + ", " + pct(last[s[0]])
                    + " in the week of " + last.day;
            }).join("; ") : ": no data"));
        init(d.element, {
            tooltip: { trigger: "axis", valueFormatter: pct },
            legend: { bottom: 0 },
            grid: { left: 50, right: 10, top: 10, bottom: 50 },
            xAxis: { type: "category", data: d.value.map(function (p) { return p.day; }) },
            yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: function (v) { return v * 100 + " %"; } } },
            series: series.map(function (s) {
                return { type: "line", name: s[1], connectNulls: false,
                    data: d.value.map(function (p) { return p[s[0]]; }) };
            })
        });
    }
    trend("adoption-trend", [["adoptionDepth", "Adoption depth"], ["reach", "Reach"]]);
    trend("outcome-trend", [["acceptanceRate", "Acceptance rate"], ["overrideRate", "Override rate"]]);

    var kpis = data("kpi-chart");
    if (kpis) {
        var outcome = kpis.value.filter(function (k) { return k.level === "BUSINESS_OUTCOME"; })[0] || kpis.value[0];
        if (!outcome) {
            kpis.element.style.display = "none";
        } else {
            var lines = [];
            if (outcome.baseline != null) {
                lines.push({ yAxis: outcome.baseline, name: "baseline", label: { formatter: "baseline {c}" } });
            }
            if (outcome.target != null) {
                lines.push({ yAxis: outcome.target, name: "target", label: { formatter: "target {c}" } });
            }
            // the axis spans the measurements, the baseline and the target, so both lines show
            var values = outcome.points.map(function (p) { return Number(p[1]); });
            [outcome.baseline, outcome.target].forEach(function (v) { if (v != null) { values.push(Number(v)); } });
            var low = Math.min.apply(null, values), high = Math.max.apply(null, values), pad = (high - low) * 0.08 || 1;
            Pitwall.describe(kpis.element, outcome.name + " (" + outcome.unit + ")"
                + (outcome.baseline != null ? ", baseline " + outcome.baseline : ", no baseline")
                + (outcome.target != null ? ", target " + outcome.target : "")
                + (outcome.points.length ? "; measurements: " + outcome.points.slice(-12).map(function (p) {
                    return p[0] + " " + p[1];
                }).join(", ") : "; no measurements yet"));
            init(kpis.element, {
                title: { text: outcome.name + " (" + outcome.unit + ")", textStyle: { fontSize: 13 } },
                tooltip: { trigger: "axis" },
                grid: { left: 70, right: 90, top: 40, bottom: 30 },
                xAxis: { type: "time" },
                yAxis: { type: "value", min: Math.floor(low - pad), max: Math.ceil(high + pad) },
                series: [{ type: "line", name: outcome.name, data: outcome.points,
                    markLine: { symbol: "none", data: lines, lineStyle: { type: "dashed" } } }]
            });
        }
    }

    window.addEventListener("resize", function () {
        charts.forEach(function (c) { c.resize(); });
    });
})();
