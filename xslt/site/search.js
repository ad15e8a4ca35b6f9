// Full-text search in the browser over search-index.js (TEI_SEARCH): every query word must match a word of the
// document, or the beginning of one. Words are normalised as org.teiedition.site.SearchWords normalises the documents
// (NFKD, marks removed: accents, Greek breathings, the long s; lower case). Each result shows the text around the
// first hit, the hit marked, and links to the page with ?q=, which the page marks (edition.js). Text only, no HTML.
// Folding: TEI_FOLD (html/assets/fold.js, inlined before this script).
(function () {
  'use strict';
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var input = document.getElementById('q');
  if (typeof TEI_SEARCH === 'undefined') { status.textContent = 'The search index (search-index.js) is missing.'; return; }
  var index = TEI_SEARCH;
  var words = TEI_FOLD.words;
  var matching = function (w) {
    var docs = {};
    for (var i = 0; i < index.words.length; i++) {
      if (index.words[i].lastIndexOf(w, 0) === 0) index.postings[i].forEach(function (d) { docs[d] = true; });
    }
    return docs;
  };
  // The first place in text where a word starts with one of the query words: [start, end] in text, or null.
  var firstHit = function (text, q) {
    var f = TEI_FOLD.map(text), folded = f.folded, map = f.map;
    var best = null;
    q.forEach(function (w) {
      var re = new RegExp('(^|[^\\p{L}\\p{N}])' + w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'u');
      var m = re.exec(folded);
      if (m) {
        var at = m.index + m[1].length;
        if (best === null || at < best[0]) best = [at, at + w.length];
      }
    });
    return best === null ? null : [map[best[0]], map[best[1]]];
  };
  var snippet = function (text, hit) {
    var p = document.createElement('p');
    p.className = 'snippet';
    var from = Math.max(0, hit[0] - 80), to = Math.min(text.length, hit[1] + 80);
    while (from > 0 && from < hit[0] && /\S/.test(text[from - 1])) from++;
    while (to < text.length && to > hit[1] && /\S/.test(text[to])) to--;
    p.appendChild(document.createTextNode((from > 0 ? '… ' : '') + text.slice(from, hit[0])));
    var mark = document.createElement('mark');
    mark.textContent = text.slice(hit[0], hit[1]);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(hit[1], to) + (to < text.length ? ' …' : '')));
    return p;
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
    status.textContent = found.length + (found.length === 1 ? ' document' : ' documents') + ' found for “' + q.join(' ') + '”';
    found.forEach(function (n) {
      var d = index.docs[n];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = d.href + '?q=' + encodeURIComponent(q.join(' '));
      a.textContent = d.title;
      li.appendChild(a);
      if (d.date) li.appendChild(document.createTextNode(' (' + d.date + ')'));
      var hit = d.text ? firstHit(d.text, q) : null;
      if (hit) li.appendChild(snippet(d.text, hit));
      results.appendChild(li);
    });
  };
  document.getElementById('search').addEventListener('submit', function (e) { e.preventDefault(); run(); });
  input.addEventListener('input', run);
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) input.value = initial;
  run();
})();
