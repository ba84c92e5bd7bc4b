// Behaviour shared by every page. Pages carry no inline script (the Content-Security-Policy
// forbids it): what a page needs is declared with data attributes and wired up here.
var Pitwall = (function () {
    var entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "`": "&#96;" };

    /**
     * Escapes text for HTML. Every text a chart's tooltip or label formatter returns as HTML goes
     * through here: names of workflows, people and controls are typed by users.
     */
    function text(value) {
        return String(value == null ? "" : value).replace(/[&<>"'`]/g, function (c) { return entities[c]; });
    }

    /** The application's base path (the context path), from the body's data-base attribute. */
    function url(path) {
        var base = document.body.getAttribute("data-base") || "/";
        return base.replace(/\/$/, "") + path;
    }

    /**
     * Gives a chart drawn on a canvas its text alternative: screen readers read the figures it
     * shows instead of an unlabelled picture.
     */
    function describe(element, description) {
        element.setAttribute("role", "img");
        element.setAttribute("aria-label", description);
    }

    return { text: text, url: url, describe: describe };
})();

// Sends the CSRF token with every htmx request, so partial updates that change data are protected
// exactly like full form posts.
document.addEventListener("htmx:configRequest", function (event) {
    var body = document.body;
    var header = body.getAttribute("data-csrf-header");
    var token = body.getAttribute("data-csrf-token");
    if (header && token) {
        event.detail.headers[header] = token;
    }
});

document.addEventListener("DOMContentLoaded", function () {
    // <select data-autosubmit>: submits its form when the choice changes.
    document.querySelectorAll("[data-autosubmit]").forEach(function (element) {
        element.addEventListener("change", function () { element.form.submit(); });
    });
    // <button data-copy="#id">: copies the element's text to the clipboard (a new token, a command),
    // and says so in the element marked data-copy-status="#id", if any.
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        button.addEventListener("click", function () {
            var selector = button.getAttribute("data-copy");
            var source = document.querySelector(selector);
            var status = document.querySelector("[data-copy-status='" + selector + "']");
            var say = function (message) { if (status) { status.textContent = message; } };
            if (!source) { return; }
            var value = source.textContent.trim();
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(value).then(function () { say("Copied."); button.textContent = "Copied"; },
                    function () { select(source); say("Press Ctrl+C (⌘C) to copy the selected text."); });
            } else {
                select(source);
                say("Press Ctrl+C (⌘C) to copy the selected text.");
            }
        });
    });
    function select(element) {
        var range = document.createRange();
        range.selectNodeContents(element);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }
    // A table wider than its card scrolls inside it; keyboard users reach the scrolling by focusing
    // it (WCAG 2.1.1), so scrolling regions get a tab stop and a name.
    var scrollers = function () {
        document.querySelectorAll(".table-responsive, table.table, pre").forEach(function (element) {
            var scrolls = element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
            if (scrolls && !element.hasAttribute("tabindex")) {
                element.setAttribute("tabindex", "0");
                if (element.tagName === "PRE") {
                    element.setAttribute("role", "region");
                    element.setAttribute("aria-label", "Text, scrolls");
                } else if (element.tagName !== "TABLE") {
                    element.setAttribute("role", "region");
                    var table = element.querySelector("table");
                    var caption = table && (table.getAttribute("aria-label") || (table.caption && table.caption.textContent));
                    element.setAttribute("aria-label", caption || "Table, scrolls sideways");
                }
            }
        });
    };
    scrollers();
    window.addEventListener("resize", scrollers);
    // <input data-person-picker>: suggests people as one types (name, email, title), from the
    // directory; the field takes the chosen person's email. data-picker-roles='["Claims handler"]'
    // also offers those roles, as "role:Claims handler" (a decision right shared by a role).
    document.querySelectorAll("[data-person-picker]").forEach(function (input, index) {
        var list = document.createElement("datalist");
        list.id = "person-picker-" + index;
        input.setAttribute("list", list.id);
        input.setAttribute("autocomplete", "off");
        input.parentNode.appendChild(list);
        var roles = [];
        try { roles = JSON.parse(input.getAttribute("data-picker-roles") || "[]"); } catch (e) { roles = []; }
        var roleOptions = function () {
            return roles.map(function (name) {
                var option = document.createElement("option");
                option.value = "role:" + name;
                option.textContent = "Role " + name + " (its members share the right)";
                return option;
            });
        };
        list.replaceChildren.apply(list, roleOptions());
        var timer = null;
        var asked = "";
        input.addEventListener("input", function () {
            clearTimeout(timer);
            var q = input.value.trim();
            if (q.length < 2 || q === asked || q.indexOf("@") > 0 && list.querySelector("option[value='" + CSS.escape(q) + "']")) {
                return;
            }
            timer = setTimeout(function () {
                asked = q;
                fetch(Pitwall.url("/people/suggestions?q=" + encodeURIComponent(q)), { credentials: "same-origin",
                        headers: { "Accept": "application/json" } })
                    .then(function (r) { return r.ok ? r.json() : []; })
                    .then(function (people) {
                        list.replaceChildren.apply(list, roleOptions().concat(people.map(function (p) {
                            var option = document.createElement("option");
                            option.value = p.email;
                            option.textContent = p.label;
                            return option;
                        })));
                    })
                    .catch(function () { /* no suggestions; typing an email still works */ });
            }, 200);
        });
    });
    // <button data-print>: prints the page.
    document.querySelectorAll("[data-print]").forEach(function (element) {
        element.addEventListener("click", function () { window.print(); });
    });
    // The review inbox by keyboard: j / k move between items, 1–5 choose the reason, a accepts,
    // e edits, o overrides, x rejects the current item. Keys typed into a field are left alone.
    var inbox = document.querySelector("[data-review-inbox]");
    if (inbox) {
        var items = Array.prototype.slice.call(inbox.querySelectorAll("[data-item]"));
        var current = -1;
        var select = function (index) {
            if (!items.length) {
                return;
            }
            current = Math.max(0, Math.min(items.length - 1, index));
            items.forEach(function (item, i) { item.classList.toggle("border-primary", i === current); });
            items[current].focus();
        };
        items.forEach(function (item, i) {
            item.addEventListener("focusin", function () { if (current !== i) { select(i); } });
        });
        document.addEventListener("keydown", function (event) {
            var target = event.target;
            if (event.ctrlKey || event.metaKey || event.altKey
                    || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable) {
                return;
            }
            var key = event.key.toLowerCase();
            if (key === "j" || key === "k") {
                select(current < 0 ? 0 : current + (key === "j" ? 1 : -1));
                event.preventDefault();
                return;
            }
            if (current < 0) {
                return;
            }
            var item = items[current];
            if (/^[1-5]$/.test(key)) {
                var reason = item.querySelector("select[name=reason]");
                reason.selectedIndex = Number(key);
                event.preventDefault();
                return;
            }
            var outcome = { a: "ACCEPTED", e: "EDITED", o: "OVERRIDDEN", x: "REJECTED" }[key];
            if (outcome) {
                item.querySelector("button[name=outcome][value=" + outcome + "]").click();
                event.preventDefault();
            }
        });
    }
});
