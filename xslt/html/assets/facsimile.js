
/* Facsimile viewer: the image of the page being read beside the text; zoom and pan; a line or zone highlighted in
   both places. Plain DOM, no network (an image from another host loads only when the reader asks). */
(function () {
  'use strict';
  var viewer = document.querySelector('.fx-viewer');
  if (!viewer) return;
  document.documentElement.classList.add('fx-js');
  if (window.CSS && CSS.highlights) {
    // in script, not the stylesheet: HTML checkers do not know the ::highlight() pseudo-element yet
    var style = document.createElement('style');
    style.textContent = '::highlight(fx-line) { background-color: rgba(255, 200, 0, .45); }';
    document.head.appendChild(style);
  }
  var surfaces = Array.prototype.slice.call(viewer.querySelectorAll('.fx-surface'));
  var pages = Array.prototype.slice.call(document.querySelectorAll('.fx-page[data-page]'));
  var where = viewer.querySelector('.fx-where');
  var current = null;
  var views = {};  // surface id -> {scale, x, y}

  function surfaceOf(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    return el.classList.contains('fx-surface') ? el : el.closest('.fx-surface');
  }
  function loadRemote(s) {
    var slot = s.querySelector('.fx-remote[data-src]');
    if (!slot) return;
    var img = document.createElement('img');
    img.alt = slot.getAttribute('data-alt');
    if (slot.getAttribute('data-width')) {
      img.width = +slot.getAttribute('data-width');
      img.height = +slot.getAttribute('data-height');
    }
    whenLoaded(s, img);
    img.src = slot.getAttribute('data-src');
    slot.parentNode.replaceChild(img, slot);
  }
  // an image without a declared size gives its zones the image's own pixels
  function whenLoaded(s, img) {
    var svg = s.querySelector('svg.fx-zones');
    if (!svg || svg.getAttribute('viewBox')) return;
    img.addEventListener('load', function () {
      svg.setAttribute('viewBox', '0 0 ' + img.naturalWidth + ' ' + img.naturalHeight);
    });
  }
  function show(s) {
    if (!s || s === current) return;
    if (current) current.classList.remove('fx-current');
    current = s;
    s.classList.add('fx-current');
    var i = surfaces.indexOf(s);
    where.textContent = 'Page ' + s.getAttribute('data-n') + ' (' + (i + 1) + ' of ' + surfaces.length + ')';
    viewer.setAttribute('data-current', s.id);
  }
  function view(s) {
    return views[s.id] || (views[s.id] = {scale: 1, x: 0, y: 0});
  }
  function apply(s) {
    var v = view(s), stage = s.querySelector('.fx-stage'), port = s.querySelector('.fx-port');
    if (!stage) return;
    // never pan the image out of its frame
    var maxX = port.clientWidth * (v.scale - 1), maxY = stage.offsetHeight * v.scale - port.clientHeight;
    v.x = Math.min(0, Math.max(-maxX, v.x));
    v.y = Math.min(0, Math.max(-Math.max(0, maxY), v.y));
    stage.style.transform = 'translate(' + v.x + 'px,' + v.y + 'px) scale(' + v.scale + ')';
    port.style.height = v.scale > 1 ? port.clientHeight + 'px' : '';
    s.setAttribute('data-scale', String(v.scale));
  }
  function zoom(s, factor, cx, cy) {
    if (!s) return;
    var v = view(s), port = s.querySelector('.fx-port');
    if (!port) return;
    if (v.scale === 1) port.style.height = port.clientHeight + 'px';
    var next = Math.min(8, Math.max(1, v.scale * factor));
    if (cx === undefined) { cx = port.clientWidth / 2; cy = port.clientHeight / 2; }
    v.x = cx - (cx - v.x) * next / v.scale;
    v.y = cy - (cy - v.y) * next / v.scale;
    v.scale = next;
    apply(s);
  }
  function pan(s, dx, dy) {
    var v = view(s);
    v.x += dx; v.y += dy;
    apply(s);
  }
  function reset(s) {
    if (!s) return;
    views[s.id] = {scale: 1, x: 0, y: 0};
    var port = s.querySelector('.fx-port');
    if (port) port.style.height = '';
    apply(s);
  }

  // the page being read: that of the line or zone the reader points at while it is in view, else the page of the
  // last page break above the upper third of the window
  function sync() {
    var active = document.querySelector('.fx-ref.fx-active');
    if (active) {
      var r = active.getBoundingClientRect();
      if (r.bottom > 0 && r.top < window.innerHeight && surfaceOf(active.getAttribute('data-facs'))) {
        show(surfaceOf(active.getAttribute('data-facs')));
        return;
      }
    }
    var line = window.innerHeight / 3, page = null;
    for (var i = 0; i < pages.length; i++) {
      if (pages[i].getBoundingClientRect().top <= line) page = pages[i]; else break;
    }
    var s = surfaceOf(page ? page.getAttribute('data-page') : (surfaces[0] && surfaces[0].id));
    show(s || surfaces[0]);
  }
  var queued = false;
  window.addEventListener('scroll', function () {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () { queued = false; sync(); });
  }, {passive: true});

  // the text of a line: from its marker to the next marker (CSS Custom Highlight API where the browser has it)
  function lineRange(ref) {
    if (!ref.classList.contains('fx-line')) return null;
    var range = document.createRange();
    range.setStartAfter(ref);
    var all = Array.prototype.slice.call(document.querySelectorAll('.fx-line'));
    var next = all[all.indexOf(ref) + 1];
    var block = ref.closest('p, div');
    if (next && (!block || block.contains(next))) range.setEndBefore(next);
    else if (block) range.setEndAfter(block.lastChild);
    else return null;
    return range;
  }
  function clear() {
    Array.prototype.forEach.call(document.querySelectorAll('.fx-active'), function (e) { e.classList.remove('fx-active'); });
    if (window.CSS && CSS.highlights) CSS.highlights.delete('fx-line');
  }
  function refsTo(id) {
    return Array.prototype.filter.call(document.querySelectorAll('.fx-ref[data-facs]'), function (r) {
      return r.getAttribute('data-facs') === id;
    });
  }
  function highlight(id, fromText) {
    clear();
    var zone = document.getElementById(id);
    var s = surfaceOf(id);
    if (s) show(s);
    if (zone && zone.classList.contains('fx-zone')) {
      zone.classList.add('fx-active');
      if (fromText && s && view(s).scale > 1) centre(s, zone);
    }
    var refs = refsTo(id);
    refs.forEach(function (r) { r.classList.add('fx-active'); });
    if (window.CSS && CSS.highlights && window.Highlight) {
      var ranges = refs.map(lineRange).filter(Boolean);
      if (ranges.length) CSS.highlights.set('fx-line', new Highlight(ranges[0]));
    }
    return refs;
  }
  function centre(s, zone) {
    var port = s.querySelector('.fx-port'), v = view(s);
    var pr = port.getBoundingClientRect(), zr = zone.getBoundingClientRect();
    pan(s, pr.left + pr.width / 2 - (zr.left + zr.width / 2), pr.top + pr.height / 2 - (zr.top + zr.height / 2));
    return v;
  }

  // text -> image
  document.addEventListener('mouseover', function (e) {
    var ref = e.target.closest && e.target.closest('.fx-ref[data-facs]');
    if (ref) highlight(ref.getAttribute('data-facs'), true);
    var zone = e.target.closest && e.target.closest('.fx-zone');
    if (zone) highlight(zone.id, false);
  });
  document.addEventListener('focusin', function (e) {
    var t = e.target;
    if (t.matches && t.matches('.fx-ref[data-facs]')) highlight(t.getAttribute('data-facs'), true);
    else if (t.matches && t.matches('.fx-zone')) highlight(t.id, false);
  });
  // a line marker's link goes to the zone: the viewer shows it instead of jumping there
  document.addEventListener('click', function (e) {
    var ref = e.target.closest && e.target.closest('a.fx-ref[data-facs]');
    if (ref) { e.preventDefault(); highlight(ref.getAttribute('data-facs'), true); }
    var zone = e.target.closest && e.target.closest('.fx-zone');
    if (zone) goToText(zone.id);
  });
  // image -> text: a zone, chosen, brings its line into view
  function goToText(id) {
    var refs = highlight(id, false);
    if (refs.length) {
      refs[0].scrollIntoView({block: 'center'});
      return true;
    }
    return false;
  }
  viewer.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t.classList && t.classList.contains('fx-zone') && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      if (goToText(t.id)) refsTo(t.id)[0].focus({preventScroll: true});
      return;
    }
    var s = t.closest && t.closest('.fx-surface');
    if (!s || !t.classList.contains('fx-port')) return;
    var step = 40, handled = true;
    switch (e.key) {
      case '+': case '=': zoom(s, 1.25); break;
      case '-': case '_': zoom(s, 0.8); break;
      case '0': reset(s); break;
      case 'ArrowLeft': pan(s, step, 0); break;
      case 'ArrowRight': pan(s, -step, 0); break;
      case 'ArrowUp': pan(s, 0, step); break;
      case 'ArrowDown': pan(s, 0, -step); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });
  viewer.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[data-fx]');
    if (!b) return;
    var action = b.getAttribute('data-fx'), i = surfaces.indexOf(current);
    if (action === 'load') { loadRemote(b.closest('.fx-surface')); return; }
    if (action === 'zoom-in') zoom(current, 1.25);
    else if (action === 'zoom-out') zoom(current, 0.8);
    else if (action === 'reset') reset(current);
    else if (action === 'prev' || action === 'next') {
      var s = surfaces[i + (action === 'prev' ? -1 : 1)];
      if (!s) return;
      var page = pages.filter(function (p) { return p.getAttribute('data-page') === s.id; })[0];
      show(s);
      if (page) page.scrollIntoView({block: 'start'});
    }
  });
  // ctrl/cmd + wheel zooms at the pointer; dragging pans
  viewer.addEventListener('wheel', function (e) {
    var port = e.target.closest && e.target.closest('.fx-port');
    if (!port || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    var r = port.getBoundingClientRect();
    zoom(port.closest('.fx-surface'), e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX - r.left, e.clientY - r.top);
  }, {passive: false});
  var drag = null;
  viewer.addEventListener('pointerdown', function (e) {
    var port = e.target.closest && e.target.closest('.fx-port');
    if (!port || e.target.closest('.fx-zone')) return;
    drag = {s: port.closest('.fx-surface'), x: e.clientX, y: e.clientY};
    port.setPointerCapture(e.pointerId);
  });
  viewer.addEventListener('pointermove', function (e) {
    if (!drag) return;
    pan(drag.s, e.clientX - drag.x, e.clientY - drag.y);
    drag.x = e.clientX; drag.y = e.clientY;
  });
  viewer.addEventListener('pointerup', function () { drag = null; });
  surfaces.forEach(function (s) {
    var img = s.querySelector('img');
    if (img) whenLoaded(s, img);
  });
  sync();
})();
