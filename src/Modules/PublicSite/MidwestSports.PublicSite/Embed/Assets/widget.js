// Midwest Sports widget loader. Paste where a widget should appear:
//   <div data-midwest-widget="standings" data-league="LEAGUE-ID"></div>
//   <script src="https://PLATFORM/embed/widget.js"></script>
// Kinds: standings, schedule (data-view="week|team", data-team), bracket, team-schedule (data-team),
// trivia-standings. Colours: data-accent, data-bg, data-fg (#rgb or #rrggbb). Each element becomes an iframe of
// this script's own origin that takes the height its widget reports. Safe to include more than once.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }

  var origin = new URL(script.src, window.location.href).origin;
  var registry = window.__midwestWidgets = window.__midwestWidgets || { count: 0, origins: {} };
  var frames = registry.origins[origin];
  if (!frames) {
    frames = registry.origins[origin] = {};
    window.addEventListener('message', function (event) {
      if (event.origin !== origin || !event.data || event.data.type !== 'midwest-widget-height') {
        return;
      }

      var frame = frames[event.data.id];
      var height = Number(event.data.height);
      if (!frame || frame.contentWindow !== event.source || !(height > 0 && height < 50000)) {
        return;
      }

      frame.style.height = Math.ceil(height) + 'px';
    });
  }

  var kinds = {
    'standings': { needs: 'league', path: function (d) { return '/embed/leagues/' + enc(d.league) + '/standings'; }, title: 'Standings' },
    'schedule': { needs: 'league', path: function (d) { return '/embed/leagues/' + enc(d.league) + '/schedule'; }, title: 'Schedule', query: { view: 'view', team: 'teamId' } },
    'bracket': { needs: 'league', path: function (d) { return '/embed/leagues/' + enc(d.league) + '/bracket'; }, title: 'Playoff bracket' },
    'team-schedule': { needs: 'team', path: function (d) { return '/embed/teams/' + enc(d.team) + '/schedule'; }, title: 'Team schedule' },
    'trivia-standings': { needs: 'league', path: function (d) { return '/embed/trivia/leagues/' + enc(d.league) + '/standings'; }, title: 'Trivia standings' }
  };
  var theme = { accent: 'accent', bg: 'bg', fg: 'fg' };

  function enc(value) {
    return encodeURIComponent(String(value).trim());
  }

  function mount(element) {
    var data = element.dataset;
    var kind = kinds[data.midwestWidget];
    if (!kind || !data[kind.needs]) {
      element.setAttribute('data-midwest-widget-error', kind ? 'data-' + kind.needs + ' is missing' : 'unknown widget');
      if (window.console) {
        window.console.warn('Midwest Sports widget: ' + element.getAttribute('data-midwest-widget-error'), element);
      }
      return;
    }

    var params = new URLSearchParams();
    var names = Object.assign({}, kind.query || {}, theme);
    Object.keys(names).forEach(function (key) {
      if (data[key]) {
        params.set(names[key], data[key]);
      }
    });
    var id = 'midwest-widget-' + (++registry.count);
    var query = params.toString();
    var frame = document.createElement('iframe');
    frame.id = id;
    frame.src = origin + kind.path(data) + (query ? '?' + query : '') + '#' + id;
    frame.title = data.title || kind.title;
    frame.loading = 'lazy';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.style.cssText = 'display:block;width:100%;max-width:100%;height:160px;border:0;overflow:hidden';
    frames[id] = frame;
    element.setAttribute('data-midwest-widget-ready', id);
    element.textContent = '';
    element.appendChild(frame);
  }

  function mountAll() {
    var elements = document.querySelectorAll('[data-midwest-widget]:not([data-midwest-widget-ready]):not([data-midwest-widget-error])');
    Array.prototype.forEach.call(elements, mount);
  }

  mountAll();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  }
})();
