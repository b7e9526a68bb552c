// A sample public site for Midwest Sports: no build step, no libraries, nothing from a CDN. It reads the platform's
// public API from the browser (CORS: the site's origin must be in PublicApi__AllowedOrigins) and embeds one widget.
// Every value from the API is written with textContent or setAttribute, never as HTML.
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  var api = apiBase(params.get('api'));
  var cityPicker = document.getElementById('city');
  var leagueList = document.getElementById('leagues');
  var standingsBody = document.querySelector('#standings tbody');
  var scheduleList = document.getElementById('schedule');
  var statusLine = document.getElementById('status');
  var current = { city: params.get('city'), league: params.get('league') };

  // ?api=http://127.0.0.1:5080 points the page at a platform; the default is build/run.sh's address.
  function apiBase(value) {
    try {
      var url = new URL(value || 'http://127.0.0.1:5080');
      if (url.protocol === 'http:' || url.protocol === 'https:') {
        return url.origin;
      }
    } catch (e) { /* fall through */ }
    return 'http://127.0.0.1:5080';
  }

  // no-cache: the browser revalidates with the ETag it holds (a cheap 304) instead of trusting max-age, so a
  // result entered a moment ago shows on the next refresh.
  function getJson(path) {
    return fetch(api + path, { cache: 'no-cache', headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ' answered ' + response.status);
      }
      return response.json();
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function status(text, isError) {
    statusLine.textContent = text;
    statusLine.classList.toggle('error', !!isError);
  }

  function remember() {
    var query = new URLSearchParams();
    if (params.get('api')) { query.set('api', api); }
    if (current.city) { query.set('city', current.city); }
    if (current.league) { query.set('league', current.league); }
    window.history.replaceState(null, '', '?' + query.toString());
  }

  function loadCities() {
    return getJson('/public/v1/cities').then(function (payload) {
      cityPicker.textContent = '';
      payload.cities.forEach(function (city) {
        var option = element('option', city.name + ', ' + city.state);
        option.value = city.slug;
        cityPicker.appendChild(option);
      });
      cityPicker.disabled = payload.cities.length === 0;
      if (payload.cities.length === 0) {
        status('No cities yet.');
        return;
      }
      var known = payload.cities.some(function (c) { return c.slug === current.city; });
      current.city = known ? current.city : payload.cities[0].slug;
      cityPicker.value = current.city;
      return loadLeagues();
    });
  }

  function loadLeagues() {
    return getJson('/public/v1/cities/' + encodeURIComponent(current.city) + '/leagues').then(function (payload) {
      leagueList.textContent = '';
      payload.leagues.forEach(function (league) {
        var button = element('button', league.name + ' · ' + league.season);
        button.type = 'button';
        button.setAttribute('data-testid', 'league-button');
        button.setAttribute('data-league', league.id);
        button.addEventListener('click', function () { selectLeague(league.id); });
        var item = element('li');
        item.appendChild(button);
        leagueList.appendChild(item);
      });
      if (payload.leagues.length === 0) {
        leagueList.appendChild(element('li', 'No published leagues in this city yet.'));
        current.league = null;
        remember();
        return;
      }
      var known = payload.leagues.some(function (l) { return l.id === current.league; });
      return selectLeague(known ? current.league : payload.leagues[0].id);
    });
  }

  function selectLeague(id) {
    current.league = id;
    remember();
    Array.prototype.forEach.call(leagueList.querySelectorAll('button'), function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-league') === id));
    });
    mountWidget(id);
    return loadLeague();
  }

  function loadLeague() {
    var id = current.league;
    if (!id) {
      return Promise.resolve();
    }
    status('Loading…');
    return Promise.all([
      getJson('/public/v1/leagues/' + encodeURIComponent(id) + '/standings'),
      getJson('/public/v1/leagues/' + encodeURIComponent(id) + '/games')
    ]).then(function (answers) {
      if (id !== current.league) {
        return; // another league was picked meanwhile
      }
      renderStandings(answers[0]);
      renderSchedule(answers[1]);
      status('Updated ' + new Date().toLocaleTimeString() + ' (data as of ' + new Date(answers[0].updatedAt).toLocaleString() + ')');
    });
  }

  function renderStandings(standings) {
    document.getElementById('standings-title').textContent = 'Standings: ' + standings.leagueName;
    standingsBody.textContent = '';
    standings.rows.forEach(function (row) {
      var tr = element('tr');
      tr.setAttribute('data-testid', 'standings-row');
      tr.appendChild(element('td', row.position));
      var team = element('td', row.team.name, 'team');
      team.setAttribute('data-testid', 'standings-team');
      tr.appendChild(team);
      var won = element('td', row.won);
      won.setAttribute('data-testid', 'standings-won');
      tr.appendChild(won);
      tr.appendChild(element('td', row.lost));
      tr.appendChild(element('td', row.tied));
      tr.appendChild(element('td', Number(row.winPercentage).toFixed(3).replace(/^0\./, '.')));
      standingsBody.appendChild(tr);
    });
  }

  function renderSchedule(payload) {
    scheduleList.textContent = '';
    if (payload.games.length === 0) {
      scheduleList.appendChild(element('li', 'No games scheduled yet.'));
      return;
    }
    payload.games.forEach(function (game) {
      var item = element('li');
      item.setAttribute('data-testid', 'schedule-game');
      var when = game.start
        ? new Date(game.start).toLocaleString('en-US', { timeZone: payload.timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
        : (game.date || 'Date to be set');
      item.appendChild(element('span', when, 'when'));
      item.appendChild(element('span', game.home.name + ' vs ' + game.away.name, 'teams'));
      var score = game.status === 'Cancelled' ? 'Cancelled'
        : (game.homeScore !== null && game.awayScore !== null ? game.homeScore + '–' + game.awayScore : '');
      item.appendChild(element('span', score, 'score'));
      scheduleList.appendChild(item);
    });
  }

  // The widget snippet, as a website would paste it, added once per league picked: widget.js turns every new
  // data-midwest-widget element into a framed widget of the platform's origin, sized by the height it reports.
  function mountWidget(id) {
    var slot = document.getElementById('widget-slot');
    slot.textContent = '';
    var widget = element('div');
    widget.setAttribute('data-midwest-widget', 'standings');
    widget.setAttribute('data-league', id);
    widget.setAttribute('data-accent', '#0f3d6e');
    slot.appendChild(widget);
    var script = element('script');
    script.src = api + '/embed/widget.js';
    slot.appendChild(script);
  }

  function failed(error) {
    status('Could not reach the platform at ' + api + ': ' + error.message, true);
  }

  cityPicker.addEventListener('change', function () {
    current.city = cityPicker.value;
    current.league = null;
    loadLeagues().catch(failed);
  });
  document.getElementById('refresh').addEventListener('click', function () {
    loadLeague().catch(failed);
  });

  loadCities().catch(failed);
})();
