// Farmgate's small page script: confirmation before destructive form posts, and the
// CSRF token on htmx requests.
document.addEventListener('submit', function (event) {
	var form = event.target;
	var question = form.getAttribute('data-confirm');
	if (question && !window.confirm(question)) {
		event.preventDefault();
	}
}, true);

document.addEventListener('htmx:configRequest', function (event) {
	var token = document.querySelector('meta[name="_csrf"]');
	var header = document.querySelector('meta[name="_csrf_header"]');
	if (token && header) {
		event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
	}
});
