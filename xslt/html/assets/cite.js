// "Copy the citation" and a "cite" button beside each § permalink (its citation is the link's data-cite).
(function () {
  function copy(text, button) {
    function done() { var old = button.textContent; button.textContent = 'Copied'; setTimeout(function () { button.textContent = old; }, 1500); }
    function fallback() {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try { document.execCommand('copy'); done(); } catch (e) { /* the citation stays visible to copy by hand */ }
      document.body.removeChild(area);
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
