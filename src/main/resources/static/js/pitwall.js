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
