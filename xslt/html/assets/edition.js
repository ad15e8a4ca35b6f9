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

  var toggle = doc.getElementById('toggle-app');
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var on = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
      doc.body.classList.toggle('hide-app', !on);
      if (!on) { close(false); }
    });
  }
}());
