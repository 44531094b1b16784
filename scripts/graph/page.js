// Draws the graph embedded in #graph-data with vis-network, which the page
// inlines before this script. After the first drawing that follows layout
// stabilization it sets data-rendered-nodes and data-painted-pixels on
// <body>, so that a headless browser can tell whether anything was drawn.
(function () {
  'use strict';

  var STABILIZATION_TIMEOUT_MS = 8000;

  var body = document.body;
  var container = document.getElementById('graph');
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var pageTitle = document.title;

  body.setAttribute('data-expected-nodes', String(data.nodes.length));

  function reportError(message) {
    body.setAttribute('data-render-error', message);
    document.title = pageTitle + ' (render failed: ' + message + ')';
    container.textContent = 'The graph could not be drawn: ' + message;
  }

  if (typeof vis === 'undefined' || typeof vis.Network !== 'function') {
    reportError('vis-network is not loaded');
    return;
  }

  if (data.nodes.length === 0) {
    body.setAttribute('data-rendered-nodes', '0');
    container.className = 'empty-graph';
    container.textContent = 'The graph folder contains no entities.';
    return;
  }

  // An element filled through textContent keeps tooltips plain text, whatever
  // vis-network does with string titles, and keeps their line breaks.
  function textTooltip(text) {
    var element = document.createElement('div');
    element.className = 'node-tooltip';
    element.textContent = text;
    return element;
  }

  var nodes = new vis.DataSet(
    data.nodes.map(function (node) {
      return {
        id: node.id,
        label: node.label,
        group: node.group,
        title: textTooltip(node.title),
      };
    }),
  );
  var edges = new vis.DataSet(
    data.edges.map(function (edge) {
      return {
        id: edge.id,
        from: edge.from,
        to: edge.to,
        label: edge.label,
        dashes: edge.mapped,
        title: textTooltip(edge.title),
      };
    }),
  );

  var network = new vis.Network(
    container,
    { nodes: nodes, edges: edges },
    {
      groups: data.groups,
      nodes: {
        shape: 'dot',
        size: 12,
        borderWidth: 2,
        font: { size: 12 },
      },
      edges: {
        arrows: 'to',
        color: { color: '#9fb3c8', highlight: '#334e68' },
        font: { size: 10, align: 'middle', color: '#486581' },
        smooth: false,
      },
      physics: {
        solver: 'forceAtlas2Based',
        stabilization: { iterations: 400, updateInterval: 50 },
      },
      layout: { improvedLayout: data.nodes.length <= 100 },
      interaction: { hover: true, tooltipDelay: 150 },
    },
  );

  // Counts canvas pixels that are not fully transparent: the canvas starts
  // transparent, so a positive count means something was drawn.
  function countPaintedPixels(canvas) {
    var pixels = canvas
      .getContext('2d')
      .getImageData(0, 0, canvas.width, canvas.height).data;
    var painted = 0;
    for (var index = 3; index < pixels.length; index += 4) {
      if (pixels[index] !== 0) {
        painted += 1;
      }
    }
    return painted;
  }

  var layoutDone = false;
  var reported = false;

  function finishLayout(stabilized) {
    if (layoutDone) {
      return;
    }
    layoutDone = true;
    body.setAttribute('data-stabilized', String(stabilized));
    // Freezing the layout keeps a dragged node from pulling the others along
    // and leaves the page idle once drawn.
    network.setOptions({ physics: false });
    network.fit();
    network.redraw();
  }

  network.once('stabilizationIterationsDone', function () {
    finishLayout(true);
  });
  network.once('stabilized', function () {
    finishLayout(true);
  });
  setTimeout(function () {
    finishLayout(false);
  }, STABILIZATION_TIMEOUT_MS);

  network.on('afterDrawing', function (context) {
    if (!layoutDone || reported) {
      return;
    }
    reported = true;

    var positions = network.getPositions();
    var placed = Object.keys(positions).filter(function (id) {
      return isFinite(positions[id].x) && isFinite(positions[id].y);
    }).length;
    var painted = countPaintedPixels(context.canvas);

    body.setAttribute('data-rendered-nodes', String(placed));
    body.setAttribute('data-painted-pixels', String(painted));
    document.title = pageTitle + ' (' + placed + ' nodes drawn)';
  });
})();
