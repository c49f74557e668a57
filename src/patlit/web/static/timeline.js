/* patlit: the dispute timeline, one lane per forum/country, one marker per event (SVG). */
(function () {
  'use strict';
  var P = window.patlit;
  var DAY = 86400000;

  function parseDate(s) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s || '');
    if (!m) return null;
    // a year alone sits mid-year, a month alone mid-month: the marker is hollow (approximate)
    var y = +m[1], mo = m[2] ? +m[2] - 1 : 6, d = m[3] ? +m[3] : (m[2] ? 15 : 1);
    return Date.UTC(y, mo, d);
  }

  function ticks(t0, t1) {
    var out = [], y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
    var spanYears = (t1 - t0) / (365 * DAY);
    if (spanYears < 1.6) {
      for (var y = y0; y <= y1; y++) {
        for (var q = 0; q < 12; q += 3) {
          var t = Date.UTC(y, q, 1);
          if (t >= t0 && t <= t1) out.push({ t: t, label: q === 0 ? String(y) : y + '-' + ('0' + (q + 1)).slice(-2), major: q === 0 });
        }
      }
    } else {
      var step = spanYears > 12 ? 2 : 1;
      for (var yy = y0; yy <= y1 + 1; yy += step) {
        var ty = Date.UTC(yy, 0, 1);
        if (ty >= t0 && ty <= t1) out.push({ t: ty, label: String(yy), major: true });
      }
    }
    return out;
  }

  function marker(g, shape, x, y) {
    var r = 6;
    if (shape === 'decision') return P.svg('path', { 'class': 'mk', d: 'M' + x + ' ' + (y - r - 1) + 'l' + (r + 1) + ' ' + (r + 1) + 'l-' + (r + 1) + ' ' + (r + 1) + 'l-' + (r + 1) + ' -' + (r + 1) + 'z' }, g);
    if (shape === 'withdrawal') return P.svg('rect', { 'class': 'mk', x: x - r + 1, y: y - r + 1, width: 2 * r - 2, height: 2 * r - 2 }, g);
    if (shape === 'other') return P.svg('path', { 'class': 'mk', d: 'M' + x + ' ' + (y - r) + 'l' + r + ' ' + (2 * r - 1) + 'h-' + (2 * r) + 'z' }, g);
    return P.svg('circle', { 'class': 'mk', cx: x, cy: y, r: r }, g);
  }

  function render(root, data) {
    while (root.firstChild) root.removeChild(root.firstChild);
    var lanes = data.lanes || [], events = data.events || [];
    if (!events.length) {
      var p = document.createElement('p');
      p.className = 'empty';
      p.textContent = 'No dated event.';
      root.appendChild(p);
      return;
    }
    var narrow = (root.parentNode.clientWidth || 800) < 560;
    var W = Math.max(root.parentNode.clientWidth || 800, narrow ? 300 : 640);
    var L = narrow ? 92 : 170, R = 24, T = 26, laneH = 66;
    var dated = events.filter(function (e) { return parseDate(e.date) !== null; });
    var undated = events.length - dated.length;
    var UW = undated ? 70 : 0;
    var times = dated.map(function (e) { return parseDate(e.date); });
    var t0 = times.length ? Math.min.apply(null, times) : Date.UTC(2000, 0, 1);
    var t1 = times.length ? Math.max.apply(null, times) : t0;
    var pad = Math.max((t1 - t0) * 0.06, 75 * DAY);
    t0 -= pad; t1 += pad;
    var x0 = L + 8, x1 = W - R - UW;
    function x(t) { return x0 + (x1 - x0) * (t - t0) / (t1 - t0); }
    var H = T + lanes.length * laneH + 8;
    var s = P.svg('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'class': 'tl', 'data-events': events.length, 'data-lanes': lanes.length });

    lanes.forEach(function (lane, i) {
      var y = T + i * laneH;
      P.svg('rect', { 'class': 'tl-lane-bg' + (i % 2 ? ' odd' : ''), x: 0, y: y, width: W, height: laneH }, s);
      var maxChars = narrow ? 13 : 24;
      var lt = P.svgText(s, { x: 6, y: y + laneH / 2 - 2, 'class': 'tl-lane-label' }, P.truncate(lane.label, maxChars));
      P.svg('title', null, lt).textContent = lane.label;
      if (lane.sub) P.svgText(s, { x: 6, y: y + laneH / 2 + 12, 'class': 'tl-lane-sub' }, lane.sub);
    });

    var axis = P.svg('g', { 'class': 'tl-axis' }, s);
    var lastLabel = -1e9;
    ticks(t0, t1).forEach(function (tk) {
      var tx = x(tk.t);
      P.svg('line', { x1: tx, x2: tx, y1: T - 4, y2: H - 8, 'stroke-dasharray': tk.major ? null : '2 3' }, axis);
      if (tx - lastLabel < tk.label.length * 6.5 + 8) return;  // no overlapping tick labels on narrow screens
      P.svgText(axis, { x: tx + 3, y: T - 8 }, tk.label);
      lastLabel = tx;
    });
    if (undated) {
      P.svg('line', { x1: x1 + 6, x2: x1 + 6, y1: T - 4, y2: H - 8 }, axis);
      P.svgText(axis, { x: x1 + 10, y: T - 8 }, 'undated');
    }

    // place markers lane by lane, in time order, labels alternating above/below when they would collide
    var byLane = {};
    events.forEach(function (e, i) { (byLane[e.lane] = byLane[e.lane] || []).push({ e: e, i: i, t: parseDate(e.date) }); });
    Object.keys(byLane).forEach(function (laneIdx) {
      var list = byLane[laneIdx].sort(function (a, b) { return (a.t === null) - (b.t === null) || a.t - b.t; });
      var yMid = T + (+laneIdx) * laneH + laneH / 2;
      var rowEnd = [-1e9, -1e9], lastX = -1e9, stack = 0, undatedN = 0;
      list.forEach(function (item) {
        var e = item.e;
        var cx = item.t === null ? x1 + 22 + (undatedN++ % 3) * 14 : x(item.t);
        if (item.t !== null) {
          if (Math.abs(cx - lastX) < 10) { stack += 1; cx = lastX + 10; } else { stack = 0; }
          lastX = cx;
        }
        var cls = 'tl-event ev-' + (e.cls || 'other') + (e.approx ? ' approx' : '');
        var a = P.svg('a', { href: e.href || null, 'class': cls, 'data-kind': e.kind || '', 'data-date': e.date || '', tabindex: 0 }, s);
        P.svg('title', null, a).textContent = (e.date || 'undated') + ' · ' + (e.label || '') + (e.forum_name ? ' · ' + e.forum_name : '');
        marker(a, e.cls, cx, yMid);
        // a label above or below the marker where it fits; none when both are taken (the tooltip stays)
        var label = P.truncate(e.short || e.label, narrow ? 18 : 26);
        var w = label.length * 6.4;
        var lx = Math.max(0, Math.min(cx - 4, W - R - w));
        var row = rowEnd[0] <= lx ? 0 : (rowEnd[1] <= lx ? 1 : -1);
        if (row >= 0) {
          rowEnd[row] = lx + w + 8;
          P.svgText(a, { x: lx, y: row === 0 ? yMid - 11 : yMid + 21 }, label);
        }
      });
    });
    root.appendChild(s);
  }

  document.querySelectorAll('.timeline[data-src]').forEach(function (root) {
    var data = P.readData(root.getAttribute('data-src'));
    if (!data) return;
    P.onWidthChange(function () { render(root, data); });
  });
})();
