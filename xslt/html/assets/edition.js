/* tei-edition: notes open in place; the apparatus markers can be hidden. Without JS every marker is an
   ordinary link to the plain lists at the end of the page. No network access, no source text as HTML. */
(function () {
  'use strict';
  var doc = document;
  var open = null;

  function close(refocus) {
    if (!open) { return; }
    var marker = open.marker;
    open.box.parentNode.removeChild(open.box);
    marker.setAttribute('aria-expanded', 'false');
    open = null;
    if (refocus) { marker.focus(); }
  }

  function show(marker) {
    var id = marker.getAttribute('href').slice(1);
    var entry = doc.getElementById(id);
    if (!entry) { return false; }
    var body = entry.querySelector('.entry-body') || entry;
    var box = doc.createElement('span');
    box.className = 'popover';
    box.id = 'pop-' + id;
    box.setAttribute('role', 'note');
    box.setAttribute('tabindex', '-1');
    box.setAttribute('aria-label', marker.getAttribute('aria-label') || 'Note');
    var copy = body.cloneNode(true);                 /* a copy of our own DOM: no HTML parsing */
    copy.removeAttribute('id');
    Array.prototype.forEach.call(copy.querySelectorAll('[id]'), function (e) { e.removeAttribute('id'); });
    box.appendChild(copy);
    var btn = doc.createElement('button');
    btn.type = 'button';
    btn.className = 'close';
    btn.setAttribute('aria-label', 'Close');
    btn.textContent = '×';
    btn.addEventListener('click', function () { close(true); });
    box.appendChild(btn);
    marker.parentNode.insertBefore(box, marker.nextSibling);
    marker.setAttribute('aria-expanded', 'true');
    marker.setAttribute('aria-controls', box.id);
    open = { marker: marker, box: box };
    box.focus();
    return true;
  }

  doc.addEventListener('click', function (ev) {
    var marker = ev.target.closest ? ev.target.closest('a.marker') : null;
    if (marker) {
      var same = open && open.marker === marker;
      close(false);
      if (same || show(marker)) { ev.preventDefault(); }
      return;
    }
    if (open && !open.box.contains(ev.target)) { close(false); }
  });

  doc.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && open) { close(true); }
  });

  /* Opened from the search page (?q=words): the words of the text that start with a query word are marked (folded
     as the search folds them) and the first is scrolled into view. Text nodes only; the query is never HTML. */
  var query = (function () { try { return new URLSearchParams(location.search).get('q') || ''; } catch (e) { return ''; } }());
  var terms = TEI_FOLD.words(query);
  var text = doc.getElementById('text');
  if (terms.length && text) {
    var walker = doc.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var first = null;
    nodes.forEach(function (node) {
      var s = node.nodeValue, f = TEI_FOLD.map(s), folded = f.folded, map = f.map;
      var spans = [];
      terms.forEach(function (w) {
        var at = -1;
        while ((at = folded.indexOf(w, at + 1)) !== -1) {
          if (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1])) {
            spans.push([map[at], map[at + w.length]]);
          }
        }
      });
      if (!spans.length) { return; }
      spans.sort(function (a, b) { return a[0] - b[0]; });
      var frag = doc.createDocumentFragment(), pos = 0;
      spans.forEach(function (sp) {
        if (sp[0] < pos) { return; }
        frag.appendChild(doc.createTextNode(s.slice(pos, sp[0])));
        var mark = doc.createElement('mark');
        mark.className = 'hit';
        mark.textContent = s.slice(sp[0], sp[1]);
        frag.appendChild(mark);
        if (!first) { first = mark; }
        pos = sp[1];
      });
      frag.appendChild(doc.createTextNode(s.slice(pos)));
      node.parentNode.replaceChild(frag, node);
    });
    if (first && !location.hash) { first.scrollIntoView({ block: 'center' }); }
  }

  /* A pressed/unpressed button (hidden without JS) that sets a class on the body while it is off. */
  function switcher(id, offClass, onChange) {
    var button = doc.getElementById(id);
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      doc.body.classList.toggle(offClass, !on);
      if (onChange) { onChange(on); }
    });
  }
  switcher('toggle-signs', 'hide-signs');
  switcher('toggle-app', 'hide-app', function (on) { if (!on) { close(false); } });
}());
