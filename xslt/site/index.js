// Sortable, filterable letter table. Without JavaScript the page is a plain table in date order.
(function () {
  'use strict';
  var table = document.getElementById('letters');
  var body = table.tBodies[0];
  var fold = TEI_FOLD.fold; // fold.js, as the search folds
  var input = document.getElementById('filter');
  var count = document.getElementById('count');
  var total = body.rows.length;
  input.parentNode.hidden = false;
  input.addEventListener('input', function () {
    var q = fold(input.value.trim());
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      row.hidden = q !== '' && fold(row.textContent).indexOf(q) === -1;
      if (!row.hidden) shown++;
    });
    count.textContent = q === '' ? count.getAttribute('data-all') : shown + ' of ' + total + ' documents shown.';
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    if (!th.hasAttribute('data-sort-key')) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
        var c = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
