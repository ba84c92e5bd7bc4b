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

    return { text: text, url: url };
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
    // <button data-print>: prints the page.
    document.querySelectorAll("[data-print]").forEach(function (element) {
        element.addEventListener("click", function () { window.print(); });
    });
});
