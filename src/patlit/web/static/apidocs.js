/* patlit: the interactive API docs, built from /api/v1/openapi.json, with no network beyond this server. */
(function () {
  'use strict';
  var root = document.getElementById('apidocs');
  if (!root) return;
  var specUrl = root.getAttribute('data-spec');

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function resolveRef(spec, schema) {
    if (schema && schema.$ref) {
      var parts = schema.$ref.replace(/^#\//, '').split('/');
      var node = spec;
      parts.forEach(function (p) { node = node && node[p]; });
      return node || {};
    }
    return schema || {};
  }

  function operation(spec, path, method, op) {
    var box = el('details', 'op');
    var sum = el('summary');
    sum.appendChild(el('span', 'method ' + method, method.toUpperCase()));
    sum.appendChild(el('span', 'path', path));
    sum.appendChild(el('span', 'summary', op.summary || ''));
    box.appendChild(sum);
    var body = el('div', 'body');
    if (op.description) body.appendChild(el('p', '', op.description));
    var form = el('form');
    var params = op.parameters || [];
    params.forEach(function (prm) {
      var lab = el('label', '', prm.name + (prm.required ? ' *' : '') + ' (' + prm['in'] + ')');
      var inp = el('input');
      inp.name = prm.name;
      inp.setAttribute('data-in', prm['in']);
      var sch = resolveRef(spec, prm.schema);
      if (sch['default'] !== undefined && sch['default'] !== null) inp.placeholder = String(sch['default']);
      if (prm.required) inp.required = true;
      lab.appendChild(inp);
      form.appendChild(lab);
    });
    var bodyInput = null, tokenInput = null;
    if (op.requestBody) {
      var lb = el('label', '', 'JSON body');
      bodyInput = el('textarea');
      bodyInput.rows = 4;
      bodyInput.cols = 50;
      bodyInput.value = '{"text": "", "title": ""}';
      lb.appendChild(bodyInput);
      form.appendChild(lb);
      var lt = el('label', '', 'token');
      tokenInput = el('input');
      tokenInput.type = 'password';
      lt.appendChild(tokenInput);
      form.appendChild(lt);
    }
    var btn = el('button', '', 'Try it');
    btn.type = 'submit';
    form.appendChild(btn);
    var out = el('pre');
    out.hidden = true;
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var url = path, qs = [];
      form.querySelectorAll('input[data-in]').forEach(function (inp) {
        if (!inp.value) return;
        if (inp.getAttribute('data-in') === 'path') url = url.replace('{' + inp.name + '}', encodeURIComponent(inp.value));
        else qs.push(encodeURIComponent(inp.name) + '=' + encodeURIComponent(inp.value));
      });
      if (qs.length) url += '?' + qs.join('&');
      var init = { method: method.toUpperCase(), headers: { Accept: 'application/json' } };
      if (bodyInput) {
        init.body = bodyInput.value;
        init.headers['Content-Type'] = 'application/json';
        if (tokenInput.value) init.headers.Authorization = 'Bearer ' + tokenInput.value;
      }
      out.hidden = false;
      out.textContent = init.method + ' ' + url + '\n…';
      fetch(url, init).then(function (r) {
        return r.text().then(function (t) {
          var shown = t;
          try { shown = JSON.stringify(JSON.parse(t), null, 2); } catch (e) { /* not JSON */ }
          out.textContent = init.method + ' ' + url + '\n' + r.status + ' ' + r.statusText + '\n\n' + shown;
        });
      }).catch(function (e) { out.textContent = String(e); });
    });
    body.appendChild(form);
    body.appendChild(out);
    box.appendChild(body);
    return box;
  }

  fetch(specUrl, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (spec) {
    var head = el('p', 'lede', (spec.info && spec.info.title || 'API') + ' ' + (spec.info && spec.info.version || '') + ' · ' + Object.keys(spec.paths || {}).length + ' paths');
    root.appendChild(head);
    Object.keys(spec.paths || {}).forEach(function (path) {
      var item = spec.paths[path];
      ['get', 'post', 'put', 'delete'].forEach(function (m) { if (item[m]) root.appendChild(operation(spec, path, m, item[m])); });
    });
  }).catch(function (e) { root.appendChild(el('p', 'error', 'Could not load the OpenAPI document: ' + e)); });
})();
