// "Copy the citation" and a "cite" button beside each § permalink (its citation is the link's data-cite).
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
    document.querySelectorAll('a.para-num[data-cite]').forEach(function (a) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'cite-para ed';
      b.textContent = 'cite';
      b.setAttribute('aria-label', 'Copy the citation of ' + a.textContent);
      b.addEventListener('click', function () { copy(a.getAttribute('data-cite'), b); });
      a.insertAdjacentElement('afterend', b);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
