// The statistics charts (Chart.js) from the JSON the page carries, and tables sorted by
// a click on their heading. Without JavaScript the tables and tiles still say it all.
(function () {
	'use strict';

	function money(value) {
		return Number(value).toLocaleString(document.documentElement.lang || 'zh-CN', { maximumFractionDigits: 0 });
	}

	function bar(id, series, horizontal) {
		var canvas = document.getElementById(id);
		if (!canvas || !series || !series.labels || series.labels.length === 0) {
			if (canvas) {
				canvas.closest('figure').hidden = true;
			}
			return;
		}
		new Chart(canvas, {
			type: 'bar',
			data: { labels: series.labels, datasets: [{ data: series.values.map(Number), backgroundColor: '#2f7d4f' }] },
			options: {
				indexAxis: horizontal ? 'y' : 'x',
				animation: false,
				plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { return money(c.raw); } } } },
				scales: { x: { ticks: { autoSkip: !horizontal } } }
			}
		});
	}

	function charts() {
		var element = document.getElementById('statistics-data');
		if (!element || typeof Chart === 'undefined') {
			return;
		}
		var data = JSON.parse(element.textContent);
		var monthly = document.getElementById('chart-monthly');
		if (monthly) {
			var months = (monthly.getAttribute('data-months') || '1,2,3,4,5,6,7,8,9,10,11,12').split(',');
			new Chart(monthly, {
				type: 'line',
				data: {
					labels: months,
					datasets: [
						{ label: monthly.getAttribute('data-this-year') + ' ' + data.year, data: data.thisYear.map(Number), borderColor: '#2f7d4f', backgroundColor: '#2f7d4f' },
						{ label: monthly.getAttribute('data-last-year') + ' ' + (data.year - 1), data: data.lastYear.map(Number), borderColor: '#b08a2e', backgroundColor: '#b08a2e', borderDash: [6, 4] }
					]
				},
				options: { animation: false, plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + money(c.raw); } } } } }
			});
		}
		bar('chart-platforms', data.platforms, false);
		bar('chart-categories', data.categories, true);
		bar('chart-products', data.products, true);
		bar('chart-villages', data.villages, true);
		bar('chart-provinces', data.provinces, true);
	}

	function sortable() {
		document.querySelectorAll('table.sortable').forEach(function (table) {
			table.querySelectorAll('th[data-sort]').forEach(function (th, column) {
				th.tabIndex = 0;
				th.setAttribute('role', 'button');
				function sort() {
					var body = table.tBodies[0];
					var numeric = th.getAttribute('data-sort') === 'number';
					var ascending = th.getAttribute('aria-sort') !== 'ascending';
					table.querySelectorAll('th[aria-sort]').forEach(function (other) { other.removeAttribute('aria-sort'); });
					th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
					var rows = Array.prototype.slice.call(body.rows);
					rows.sort(function (a, b) {
						var x = a.cells[column], y = b.cells[column];
						var left = numeric ? Number(x.getAttribute('data-value')) : x.textContent.trim();
						var right = numeric ? Number(y.getAttribute('data-value')) : y.textContent.trim();
						var order = numeric ? left - right : left.localeCompare(right, document.documentElement.lang);
						return ascending ? order : -order;
					});
					rows.forEach(function (row) { body.appendChild(row); });
				}
				th.addEventListener('click', sort);
				th.addEventListener('keydown', function (event) {
					if (event.key === 'Enter' || event.key === ' ') {
						event.preventDefault();
						sort();
					}
				});
			});
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		charts();
		sortable();
	});
})();
