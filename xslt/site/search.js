// Full-text search in the browser over search-index.js (TEI_SEARCH): every query word must match a word of the
// document, or the beginning of one. Words are normalised as org.teiedition.site.SearchWords normalises the documents.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var input = document.getElementById('q');
  if (typeof TEI_SEARCH === 'undefined') { status.textContent = 'The search index (search-index.js) is missing.'; return; }
  var index = TEI_SEARCH;
  var words = function (s) {
    return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  };
  var matching = function (w) {
    var docs = {};
    for (var i = 0; i < index.words.length; i++) {
      if (index.words[i].lastIndexOf(w, 0) === 0) index.postings[i].forEach(function (d) { docs[d] = true; });
    }
    return docs;
  };
  var run = function () {
    var q = words(input.value);
    results.textContent = '';
    if (q.length === 0) { status.textContent = index.docs.length + ' documents; type words to search.'; return; }
    var hits = null;
    q.forEach(function (w) {
      var m = matching(w);
      hits = hits === null ? m : Object.keys(hits).reduce(function (o, d) { if (m[d]) o[d] = true; return o; }, {});
    });
    var found = Object.keys(hits).map(Number).sort(function (a, b) { return a - b; });
    status.textContent = found.length + (found.length === 1 ? ' document' : ' documents');
    found.forEach(function (n) {
      var d = index.docs[n];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = d.href;
      a.textContent = d.title;
      li.appendChild(a);
      if (d.date) li.appendChild(document.createTextNode(' (' + d.date + ')'));
      results.appendChild(li);
    });
  };
  document.getElementById('search').addEventListener('submit', function (e) { e.preventDefault(); run(); });
  input.addEventListener('input', run);
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) input.value = initial;
  run();
})();
