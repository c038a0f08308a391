// Farmgate's small page script: confirmation before destructive form posts, and the
// CSRF token on htmx requests.
document.addEventListener('submit', function (event) {
	var form = event.target;
	var question = form.getAttribute('data-confirm');
	if (question && !window.confirm(question)) {
		event.preventDefault();
		return;
	}
	// a form that records something is sent once: a second tap on a slow network waits
	if (form.hasAttribute('data-once')) {
		if (form.getAttribute('data-sent')) {
			event.preventDefault();
			return;
		}
		form.setAttribute('data-sent', 'true');
	}
}, true);

document.addEventListener('htmx:configRequest', function (event) {
	var token = document.querySelector('meta[name="_csrf"]');
	var header = document.querySelector('meta[name="_csrf_header"]');
	if (token && header) {
		event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
	}
});

// Live order alerts on the inbox: a paid order or a buyer's message appears at once, at
// the top of the list, with a badge count, a short sound and, on a phone, a vibration.
document.addEventListener('DOMContentLoaded', function () {
	var box = document.getElementById('live-alerts');
	if (!box || !window.EventSource) {
		return;
	}
	var badge = document.getElementById('alert-count');
	var count = 0;
	var source = new EventSource(box.getAttribute('data-stream'));
	source.addEventListener('order', function (event) {
		var alert = JSON.parse(event.data);
		var text = (alert.kind === 'MESSAGE' ? box.getAttribute('data-message') : box.getAttribute('data-paid'))
			+ ' ' + (alert.platformOrderNo || '') + (alert.message ? ' · ' + alert.message : '');
		var note = document.createElement('p');
		note.className = 'notice live';
		note.setAttribute('role', 'status');
		var link = document.createElement('a');
		link.href = box.getAttribute('data-order-href') + alert.orderId;
		link.textContent = text;
		note.appendChild(link);
		box.insertBefore(note, box.firstChild);
		count++;
		if (badge) {
			badge.textContent = String(count);
			badge.hidden = false;
		}
		if (navigator.vibrate) {
			navigator.vibrate(200);
		}
		try {
			var audio = new (window.AudioContext || window.webkitAudioContext)();
			var tone = audio.createOscillator();
			tone.frequency.value = 880;
			tone.connect(audio.destination);
			tone.start();
			tone.stop(audio.currentTime + 0.15);
		}
		catch (ignored) {
			// no sound where the browser does not allow it yet
		}
	});
});

// A button that prints the page (a farmer's receipt): no inline script needed.
document.addEventListener('click', function (event) {
	if (event.target.closest && event.target.closest('[data-print]')) {
		window.print();
	}
});
