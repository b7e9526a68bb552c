// Runs inside a widget's frame: tells the page that embeds it how tall the widget is, so the frame can be exactly
// that tall (no inner scroll bar on a phone). The id comes from the frame's #fragment, set by widget.js; the height
// is public and harmless, so it is sent to any parent ('*'), and the parent checks where it came from.
(function () {
  'use strict';
  if (window.parent === window) {
    return;
  }

  var id = decodeURIComponent(window.location.hash.slice(1));
  var last = -1;

  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'midwest-widget-height', id: id, height: height }, '*');
    }
  }

  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(post).observe(document.documentElement);
  }

  window.addEventListener('load', post);
  post();
})();
