/* tei-edition: the previous and next letter of the corpus. nav.js beside this page (data only, rewritten by the
   corpus step on every build) calls teiEditionSequence. Titles and dates become text nodes, never HTML; links go
   only to sibling document folders. Without JS the nav keeps its plain link to the list of letters. */
function teiEditionSequence(data) {
  'use strict';
  var doc = document;
  var nav = doc.getElementById('corpus-sequence');
  var index = nav ? nav.querySelector('a.corpus-index') : null;
  var safe = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
  if (!index || !data) { return; }
  var here = nav.getAttribute('data-file');

  function add(d, rel) {
    if (!d || typeof d.dir !== 'string' || !Array.isArray(d.files)) { return; }
    var dir = d.dir.match(/^\.\.\/([^\/]*)\/$/);
    var file = d.files.indexOf(here) >= 0 ? here : d.files[0];
    if (!dir || !safe.test(dir[1]) || typeof file !== 'string' || !safe.test(file)) { return; }
    var a = doc.createElement('a');
    a.href = d.dir + file;
    a.rel = rel;
    a.className = rel;
    var text = String(d.title) + (d.date ? ' (' + String(d.date) + ')' : '');
    var arrow = doc.createElement('span');
    arrow.setAttribute('aria-hidden', 'true');
    if (rel === 'prev') {
      arrow.textContent = '\u2190 ';
      a.appendChild(arrow);
      a.appendChild(doc.createTextNode('Previous: ' + text));
      nav.insertBefore(a, index);
    } else {
      arrow.textContent = ' \u2192';
      a.appendChild(doc.createTextNode('Next: ' + text));
      a.appendChild(arrow);
      nav.insertBefore(a, index.nextSibling);
    }
  }
  add(data.prev, 'prev');
  add(data.next, 'next');
}
