// "Copy the citation" and a "cite" button beside each § permalink. A §'s citation is the document's (#cite's
// data-cite-stem) with the place before its full stop and the paragraph's fragment after the URL, as te:cite-at
// makes it for the example the page shows.
(function () {
  function copy(text, button) {
    function done() { var old = button.textContent; button.textContent = 'Copied'; setTimeout(function () { button.textContent = old; }, 1500); }
    // without the Clipboard API (pages opened from file://): the copy command, its data set by a copy handler
    function fallback() {
      function put(e) { e.clipboardData.setData('text/plain', text); e.preventDefault(); }
      document.addEventListener('copy', put);
      try { if (document.execCommand('copy')) done(); } catch (e) { /* the citation stays on the page to copy by hand */ }
      document.removeEventListener('copy', put);
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }
  function ready() {
    document.querySelectorAll('button.copy-cite').forEach(function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { copy(b.getAttribute('data-copy'), b); });
    });
    var cite = document.getElementById('cite'), stem = cite && cite.getAttribute('data-cite-stem');
    if (stem === null) return;
    var url = cite.getAttribute('data-cite-url');
    document.querySelectorAll('a.para-num').forEach(function (a) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'cite-para ed';
      b.textContent = 'cite';
      b.setAttribute('aria-label', 'Copy the citation of ' + a.textContent);
      b.setAttribute('data-copy', stem + ', ' + a.textContent + '.' + (url ? ' ' + url + a.getAttribute('href') : ''));
      b.addEventListener('click', function () { copy(b.getAttribute('data-copy'), b); });
      a.insertAdjacentElement('afterend', b);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
