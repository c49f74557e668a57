/* patlit: the document page. Click a highlight to see its fact; the ?hl span is scrolled into view. */
(function () {
  'use strict';
  var P = window.patlit;
  var facts = P.readData('facts-data') || [];
  var panel = document.getElementById('factpanel');
  var body = panel && panel.querySelector('.factbody');
  var text = document.getElementById('doctext');
  var selected = [];

  function row(dl, label, value, href) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return;
    var dt = document.createElement('dt'), dd = document.createElement('dd');
    dt.textContent = label;
    if (href) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = Array.isArray(value) ? value.join(', ') : String(value);
      dd.appendChild(a);
    } else {
      dd.textContent = Array.isArray(value) ? value.join(', ') : String(value);
    }
    dl.appendChild(dt);
    dl.appendChild(dd);
  }

  function show(indexes, mark) {
    selected.forEach(function (m) { m.classList.remove('selected'); });
    selected = [];
    if (mark) {
      document.querySelectorAll('mark.fact').forEach(function (m) {
        var ids = (m.getAttribute('data-facts') || '').split(' ');
        if (indexes.some(function (i) { return ids.indexOf(String(i)) >= 0; })) { m.classList.add('selected'); selected.push(m); }
      });
    }
    while (body.firstChild) body.removeChild(body.firstChild);
    indexes.forEach(function (i) {
      var f = facts[i];
      if (!f) return;
      var h = document.createElement('h3');
      h.textContent = f.type + (f.label ? ': ' + f.label : '');
      body.appendChild(h);
      var dl = document.createElement('dl');
      row(dl, 'text', f.text);
      row(dl, 'offsets', f.start + '–' + f.end);
      var details = f.details || {};
      Object.keys(details).forEach(function (k) { row(dl, k, details[k]); });
      if (f.href) row(dl, 'see', f.link_label || 'open', f.href);
      body.appendChild(dl);
    });
    panel.hidden = false;
  }

  if (text && panel) {
    text.addEventListener('click', function (ev) {
      var mark = ev.target.closest ? ev.target.closest('mark.fact') : null;
      if (!mark) return;
      var ids = (mark.getAttribute('data-facts') || '').split(' ').filter(Boolean).map(Number);
      show(ids, mark);
    });
    text.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      var mark = ev.target.closest ? ev.target.closest('mark.fact') : null;
      if (!mark) return;
      ev.preventDefault();
      show((mark.getAttribute('data-facts') || '').split(' ').filter(Boolean).map(Number), mark);
    });
    panel.querySelector('.close').addEventListener('click', function () {
      panel.hidden = true;
      selected.forEach(function (m) { m.classList.remove('selected'); });
    });
  }
  var hl = document.querySelector('.hl');
  if (hl) hl.scrollIntoView({ block: 'center' });
})();
