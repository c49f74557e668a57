/* patlit: helpers shared by the page scripts (no framework, no build step). */
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';

  /** An SVG element with attributes, appended to parent when given. */
  function svg(name, attrs, parent) {
    var node = document.createElementNS(SVGNS, name);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, String(attrs[k]));
      });
    }
    if (parent) parent.appendChild(node);
    return node;
  }

  /** A text node inside an SVG element (text is never parsed as markup). */
  function svgText(parent, attrs, text) {
    var t = svg('text', attrs, parent);
    t.textContent = text;
    return t;
  }

  /** The JSON object of a <script type="application/json" id="..."> block. */
  function readData(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  function truncate(text, max) {
    text = String(text || '');
    return text.length > max ? text.slice(0, Math.max(1, max - 1)) + '…' : text;
  }

  /** Call fn on load and again (debounced) when the width changes. */
  function onWidthChange(fn) {
    var last = window.innerWidth, timer = null;
    fn();
    window.addEventListener('resize', function () {
      if (window.innerWidth === last) return;
      last = window.innerWidth;
      clearTimeout(timer);
      timer = setTimeout(fn, 120);
    });
  }

  window.patlit = { svg: svg, svgText: svgText, readData: readData, truncate: truncate, onWidthChange: onWidthChange };
})();
