/* patlit: who sues whom. Nodes are parties, one arrow per proceeding from claimant to respondent (SVG). */
(function () {
  'use strict';
  var P = window.patlit;

  function layout(nodes, W) {
    var sided = nodes.some(function (n) { return n.side === 0 || n.side === 1; });
    var pos = {}, H;
    if (sided) {
      var cols = { 0: [], 1: [], mid: [] };
      nodes.forEach(function (n) { (n.side === 0 ? cols[0] : n.side === 1 ? cols[1] : cols.mid).push(n); });
      var rows = Math.max(cols[0].length, cols[1].length, cols.mid.length, 1);
      var gap = 52;
      H = Math.max(180, rows * gap + 40);
      var xs = { 0: W * 0.3, 1: W * 0.7, mid: W * 0.5 };
      ['0', '1', 'mid'].forEach(function (k) {
        var col = cols[k], top = (H - (col.length - 1) * gap) / 2;
        col.forEach(function (n, i) {
          pos[n.id] = { x: xs[k], y: top + i * gap + (k === 'mid' ? gap / 2 : 0), anchor: k === '0' ? 'end' : k === '1' ? 'start' : 'middle' };
        });
      });
    } else {
      var focus = nodes.filter(function (n) { return n.focus; });
      var ring = nodes.filter(function (n) { return !n.focus; });
      var radius = Math.max(80, Math.min(W * 0.3, 40 + ring.length * 14));
      H = 2 * radius + 90;
      var cx = W / 2, cy = H / 2;
      focus.forEach(function (n, i) { pos[n.id] = { x: cx, y: cy + i * 40, anchor: 'middle' }; });
      ring.forEach(function (n, i) {
        var a = -Math.PI / 2 + 2 * Math.PI * i / Math.max(ring.length, 1);
        var px = cx + radius * Math.cos(a), py = cy + radius * Math.sin(a);
        pos[n.id] = { x: px, y: py, anchor: Math.abs(px - cx) < 8 ? 'middle' : (px < cx ? 'end' : 'start') };
      });
    }
    return { pos: pos, H: H };
  }

  function render(root, data) {
    while (root.firstChild) root.removeChild(root.firstChild);
    var nodes = data.nodes || [], edges = data.edges || [];
    var W = Math.max(root.clientWidth || 720, 320);
    var narrow = W < 560;
    var lay = layout(nodes, W), pos = lay.pos, H = lay.H;
    var s = P.svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, 'class': 'g', 'data-nodes': nodes.length, 'data-edges': edges.length });
    var defs = P.svg('defs', null, s);
    var m = P.svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    P.svg('path', { d: 'M0 0L10 5L0 10z', 'class': 'arrow-head' }, m);

    // parallel edges between the same two parties bend apart
    var groups = {};
    edges.forEach(function (e, i) {
      var key = [e.source, e.target].sort().join('\u0000');
      (groups[key] = groups[key] || []).push(i);
    });
    var gEdges = P.svg('g', { 'class': 'g-edges' }, s);
    edges.forEach(function (e, i) {
      var a = pos[e.source], b = pos[e.target];
      if (!a || !b || e.source === e.target) return;
      var key = [e.source, e.target].sort().join('\u0000');
      var grp = groups[key], k = grp.indexOf(i), n = grp.length;
      var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var nx = -dy / len, ny = dx / len;
      // orient the normal by the sorted pair so that A->B and B->A edges use the same side convention
      var sign = e.source < e.target ? 1 : -1;
      var spacing = Math.min(26, (narrow ? 90 : 150) / Math.max(n - 1, 1));
      var off = (k - (n - 1) / 2) * spacing * sign;
      var mx = (a.x + b.x) / 2 + nx * off, my = (a.y + b.y) / 2 + ny * off;
      // shorten both ends to the node circles
      function toward(p, q, d) { var ux = q.x - p.x, uy = q.y - p.y, l = Math.sqrt(ux * ux + uy * uy) || 1; return { x: p.x + ux / l * d, y: p.y + uy / l * d }; }
      var s0 = toward(a, { x: mx, y: my }, 10), s1 = toward(b, { x: mx, y: my }, 11);
      var g = P.svg('g', { 'class': 'g-edge k-' + (e.kind || 'other'), 'data-proceeding': e.proceeding_id }, gEdges);
      // a proceeding's arrow leads to its row in the proceedings table
      var holder = e.proceeding_id !== null && e.proceeding_id !== undefined ? P.svg('a', { href: '#proc-' + e.proceeding_id }, g) : g;
      P.svg('title', null, holder).textContent = e.label || e.kind || '';
      P.svg('path', { d: 'M' + s0.x + ' ' + s0.y + 'Q' + mx + ' ' + my + ' ' + s1.x + ' ' + s1.y, 'marker-end': 'url(#arrow)' }, holder);
    });

    var gNodes = P.svg('g', { 'class': 'g-nodes' }, s);
    nodes.forEach(function (n) {
      var p = pos[n.id];
      var g = P.svg('g', { 'class': 'g-node' + (n.side === 0 || n.side === 1 ? ' side-' + n.side : '') + (n.focus ? ' focus' : ''), 'data-party': n.id }, gNodes);
      var a = n.href ? P.svg('a', { href: n.href }, g) : g;
      P.svg('title', null, a).textContent = n.name;
      P.svg('circle', { cx: p.x, cy: p.y, r: n.focus ? 11 : 9 }, a);
      if (narrow && p.anchor !== 'middle') p = { x: p.x, y: p.y, anchor: 'middle' };  // phones: names under the nodes
      var room = p.anchor === 'middle' ? W * 0.36 : (p.anchor === 'end' ? p.x - 16 : W - p.x - 16);
      var label = P.truncate(n.name, Math.max(6, Math.floor(room / 7.4)));
      var tx = p.anchor === 'end' ? p.x - 15 : p.anchor === 'start' ? p.x + 15 : p.x;
      var ty = p.anchor === 'middle' ? p.y + 26 : p.y + 4;
      P.svgText(a, { x: tx, y: ty, 'text-anchor': p.anchor }, label);
    });
    root.appendChild(s);
  }

  document.querySelectorAll('.graph[data-src]').forEach(function (root) {
    var data = P.readData(root.getAttribute('data-src'));
    if (!data) return;
    P.onWidthChange(function () { render(root, data); });
  });
})();
