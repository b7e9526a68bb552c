#!/usr/bin/env python3
"""Public API benchmark (issue 10); run through bench/public-api/run.sh, which starts PostgreSQL and builds the app.

Phase 1, 2,500 teams: a fresh database, the Host's Development demo data (4 cities, Demo:Teams 2,500), rate limit off.
  a. wrk, 2 threads x 64 connections, interleaved rounds: cached public standings and games, the admin API's standings
     (bearer token) and 304 revalidation of the public standings (If-None-Match with the current ETag).
  b. Uncached time of each public endpoint: BENCH_UNCACHED (default 200) sequential requests on one keep-alive
     connection, each with a unique unused query parameter so it misses the output cache (the cache key varies by the
     whole query string); a cached hit of the same URL is measured the same way as the floor (Kestrel + HTTP + client).
  c. Freshness: 20 results corrected as admin (PUT /api/games/{id}/result); right after the PUT returns, the public
     standings are polled until the answer changes.
Phase 2, 100,000 teams: the app is stopped, `Host.dll seed --teams 97500` bulk-loads teams over the existing leagues,
  the Leagues module's team replica is brought up to date (what the nightly reconcile would do), the app is restarted
  and b. is measured again (and a. once more, for the record).
Prints markdown tables."""
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
import uuid

APP, CONN = sys.argv[1], sys.argv[2]
DLL = os.path.join(APP, "src/Host/MidwestSports.Host/bin/Release/net10.0/MidwestSports.Host.dll")
PORT = int(os.environ.get("BENCH_PORT", "5189"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SECONDS = os.environ.get("BENCH_SECONDS", "5")
UNCACHED = int(os.environ.get("BENCH_UNCACHED", "200"))
BIG = int(os.environ.get("BENCH_BIG_TEAMS", "100000"))
FRESH = int(os.environ.get("BENCH_RESULTS", "20"))
CONNECTIONS = 64
HOST = "127.0.0.1"
BASE = f"http://{HOST}:{PORT}"
DB = "public_bench"
PASSWORD = os.environ.get("MIDWEST_DEMO_PASSWORD", "Midwest-Demo-1")
PARTS = dict(p.split("=", 1) for p in CONN.split(";"))


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def psql(sql, database="postgres"):
    env = dict(os.environ, PGPASSWORD=PARTS["Password"])
    args = ["psql", "-h", PARTS["Host"], "-p", PARTS["Port"], "-U", PARTS["Username"], "-d", database, "-qAt", "-v", "ON_ERROR_STOP=1", "-c", sql]
    return subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout.strip()


class Client:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self):
        self.conn = http.client.HTTPConnection(HOST, PORT, timeout=60)

    def request(self, method, path, token=None, body=None, headers=None):
        h = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if token:
            h["Authorization"] = "Bearer " + token
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=data, headers=h)
                response = self.conn.getresponse()
                return response.status, response.read(), response
            except (http.client.HTTPException, ConnectionError):
                if attempt:
                    raise
                self.conn.close()
                self.conn = http.client.HTTPConnection(HOST, PORT, timeout=60)

    def json(self, method, path, token=None, body=None):
        status, payload, _ = self.request(method, path, token, body)
        if status >= 400:
            raise RuntimeError(f"{method} {path}: {status} {payload[:300]!r}")
        return json.loads(payload) if payload else None


class App:
    def __init__(self, env):
        self.env = env
        self.log = open(f"/tmp/public-bench-app-{os.getpid()}.log", "a")
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(["dotnet", DLL], env=self.env, cwd=os.path.dirname(DLL), stdout=self.log, stderr=subprocess.STDOUT)
        started = time.time()
        while time.time() - started < 900:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the app exited ({self.proc.returncode}); see {self.log.name}")
            try:
                if Client().request("GET", "/health/live")[0] == 200:
                    return time.time() - started
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.5)
        raise RuntimeError("the app did not answer /health/live in 15 minutes")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=60)
        self.proc = None


def wrk(path, token=None, etag=None):
    cmd = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency"]
    if token:
        cmd += ["-H", f"Authorization: Bearer {token}"]
    if etag:
        cmd += ["-H", f"If-None-Match: {etag}"]
    out = subprocess.run(cmd + [BASE + path], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    if rps == 0:
        log(f"wrk answered nothing for {path}:\n{out}")

    def ms(label):
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value = float(m.group(1))
        return value / 1000 if m.group(2) == "us" else value * 1000 if m.group(2) == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    bad = (int(errors.group(1)) if errors else 0) + (sum(int(x) for x in socket.groups()) if socket else 0)
    return rps, ms("50"), ms("99"), bad


def pick_ids(client):
    """The first city's league with results (standings with something in them), its trivia league and a team."""
    cities = client.json("GET", "/public/v1/cities")["cities"]
    slug = cities[0]["slug"]
    leagues = client.json("GET", f"/public/v1/cities/{slug}/leagues")["leagues"]
    trivia = next(l["id"] for l in leagues if l["sport"] == "Trivia")
    league, best = None, -1
    for candidate in leagues:
        if candidate["sport"] == "Trivia":
            continue
        games = client.json("GET", f"/public/v1/leagues/{candidate['id']}/games")["games"]
        scored = sum(1 for g in games if g["homeScore"] is not None)
        if scored > best:
            league, best = candidate["id"], scored
        if scored > 0:
            break
    standings = client.json("GET", f"/public/v1/leagues/{league}/standings")
    team = standings["rows"][0]["team"]["id"]
    return {"slug": slug, "league": league, "trivia": trivia, "team": team}


def endpoints(ids):
    return [
        ("cities", "/public/v1/cities"),
        ("city leagues", f"/public/v1/cities/{ids['slug']}/leagues"),
        ("league", f"/public/v1/leagues/{ids['league']}"),
        ("games", f"/public/v1/leagues/{ids['league']}/games"),
        ("standings", f"/public/v1/leagues/{ids['league']}/standings"),
        ("bracket", f"/public/v1/leagues/{ids['league']}/bracket"),
        ("team", f"/public/v1/teams/{ids['team']}"),
        ("trivia standings", f"/public/v1/trivia/leagues/{ids['trivia']}/standings"),
        ("changes", "/public/v1/changes"),
    ]


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def server_times(app, path, since):
    """Elapsed of each `GET path` logged by the Host's request logging (Serilog: from its middleware, before the output
    cache, to the response; Kestrel's parsing and the socket excluded) after byte offset `since` of the app's log."""
    time.sleep(1.0)  # the sink is asynchronous
    app.log.flush()
    with open(app.log.name, "rb") as f:
        f.seek(since)
        text = f.read().decode("utf-8", "replace")
    return [float(x) for x in re.findall(rf"HTTP GET {re.escape(path)} responded 200 in ([\d.]+) ms", text)]


def uncached(ids, app):
    """{name: (server miss median, p95, client miss median, p95, client hit median, bytes)}, one keep-alive connection each."""
    out = {}
    for name, path in endpoints(ids):
        client = Client()
        status, body, _ = client.request("GET", path)
        assert status == 200, (path, status)
        for _ in range(20):  # warm-up: JIT, pools, prepared statements
            client.request("GET", f"{path}?bw={uuid.uuid4().hex}")
        since = os.path.getsize(app.log.name)
        misses, hits = [], []
        for _ in range(UNCACHED):
            url = f"{path}?b={uuid.uuid4().hex}"
            started = time.perf_counter()
            status, _, response = client.request("GET", url)
            misses.append((time.perf_counter() - started) * 1000)
            assert status == 200, (url, status)
        server = server_times(app, path, since)
        for _ in range(UNCACHED):
            started = time.perf_counter()
            client.request("GET", path)
            hits.append((time.perf_counter() - started) * 1000)
        s = server if len(server) >= UNCACHED * 0.9 else [float("nan")]
        out[name] = (statistics.median(s), percentile(s, 0.95), statistics.median(misses), percentile(misses, 0.95), statistics.median(hits), len(body))
    return out


def throughput(ids, admin):
    league = ids["league"]
    client = Client()
    _, _, response = client.request("GET", f"/public/v1/leagues/{league}/standings")
    etag = response.getheader("ETag")
    status, _, _ = client.request("GET", f"/public/v1/leagues/{league}/standings", headers={"If-None-Match": etag})
    assert status == 304, status
    rows = [
        ("public standings (cached)", f"/public/v1/leagues/{league}/standings", None, None),
        ("public games (cached)", f"/public/v1/leagues/{league}/games", None, None),
        ("admin /api/leagues/{id}/standings (bearer)", f"/api/leagues/{league}/standings", admin, None),
        ("public standings, 304 (If-None-Match)", f"/public/v1/leagues/{league}/standings", None, etag),
    ]
    for _, path, token, tag in rows:
        if not tag:
            client.json("GET", path, token)  # answers 200 with JSON (the admin row: the token works)
        wrk(path, token, tag)  # warm-up round: JIT tier-up, pools
    results = {name: [] for name, *_ in rows}
    for _ in range(RUNS):
        for name, path, token, tag in rows:
            results[name].append(wrk(path, token, tag))
    return rows, results


def freshness(ids, admin):
    """Corrects FRESH results of the league; after each PUT returns, polls the public standings until they change."""
    league = ids["league"]
    api = Client()
    games = [g for g in api.json("GET", f"/public/v1/leagues/{league}/games")["games"] if g["homeScore"] is not None and g["kind"] == "Regular"]
    poll = Client()
    after_return, after_send, polls = [], [], []
    for i in range(FRESH):
        game = games[i % len(games)]
        path = f"/public/v1/leagues/{league}/standings"
        _, before, _ = poll.request("GET", path)
        _, again, _ = poll.request("GET", path)  # cached now: the poll below must see the eviction, not a first fill
        assert before == again
        home = (game["homeScore"] + 1 + i) % 15
        body = {"homeScore": home, "awayScore": game["awayScore"], "reason": "public API benchmark correction"}
        sent = time.perf_counter()
        status, answer, _ = api.request("PUT", f"/api/games/{game['id']}/result", admin, body)
        returned = time.perf_counter()
        if status >= 400:
            raise RuntimeError(f"PUT result: {status} {answer[:300]!r}")
        game["homeScore"] = home
        n = 0
        while True:
            n += 1
            _, now, _ = poll.request("GET", path)
            if now != before:
                seen = time.perf_counter()
                break
            if time.perf_counter() - returned > 30:
                seen = None
                break
        after_return.append(None if seen is None else (seen - returned) * 1000)
        after_send.append(None if seen is None else (seen - sent) * 1000)
        polls.append(n)
    return after_return, after_send, polls


def grow_to(target, env, app):
    have = int(psql("SELECT count(*) FROM teams.teams", DB))
    if have < target:
        log(f"seeding {target - have:,} teams (have {have:,})")
        started = time.time()
        subprocess.run(["dotnet", DLL, "seed", "--teams", str(target - have)], env=env, cwd=os.path.dirname(DLL), check=True,
                       stdout=app.log, stderr=subprocess.STDOUT)
        log(f"seeded in {time.time() - started:.0f} s")
    # `seed` COPYs into the Teams module without events; the Leagues module's replica (what standings, schedules and the
    # public team page read) is otherwise only brought up to date before a schedule is planned and by the nightly reconcile.
    psql("""INSERT INTO leagues.league_teams (team_id, league_id, city_id, name, active, deleted, version, updated_at)
            SELECT id, league_id, city_id, name, status = 'Active', false, version, now() FROM teams.teams
            ON CONFLICT (team_id) DO NOTHING""", DB)
    psql("ANALYZE", DB)
    return int(psql("SELECT count(*) FROM teams.teams", DB)), int(psql("SELECT count(*) FROM leagues.league_teams", DB))


def print_throughput(rows, results):
    print(f"| Endpoint (wrk 2 threads x {CONNECTIONS} connections x {SECONDS} s) | req/s median (min-max) | p50 ms | p99 ms median (max) | errors/non-2xx-3xx | vs admin |")
    print("|---|---:|---:|---:|---:|---:|")
    admin_rps = statistics.median(r[0] for r in results[rows[2][0]])
    for name, *_ in rows:
        runs = results[name]
        rps = statistics.median(r[0] for r in runs)
        print(f"| {name} | {rps:,.0f} ({min(r[0] for r in runs):,.0f}-{max(r[0] for r in runs):,.0f}) | {statistics.median(r[1] for r in runs):.2f} "
              f"| {statistics.median(r[2] for r in runs):.2f} ({max(r[2] for r in runs):.2f}) | {sum(r[3] for r in runs)} | {rps / admin_rps:.1f}x |")


def main():
    psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    psql(f"CREATE DATABASE {DB}")
    conn = ";".join(f"{k}={v}" for k, v in {**PARTS, "Database": DB}.items())
    env = dict(os.environ, ConnectionStrings__Postgres=conn, ASPNETCORE_ENVIRONMENT="Development", DOTNET_ENVIRONMENT="Development",
               ASPNETCORE_URLS=BASE, PublicApi__RateLimit__PerMinute="0")
    app = App(env)
    commit = subprocess.run(["git", "-C", APP, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()
    print(f"\nPublic API benchmark, {APP} at {commit}, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores,"
          f" load average at start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    try:
        log("starting the app (fresh database, demo data)")
        took = app.start()
        log(f"ready in {took:.0f} s")
        client = Client()
        admin = client.json("POST", "/api/auth/login", body={"email": "admin@example.org", "password": PASSWORD})["accessToken"]
        ids = pick_ids(client)
        teams = int(psql("SELECT count(*) FROM teams.teams", DB))
        league_teams = len(client.json("GET", f"/public/v1/leagues/{ids['league']}/standings")["rows"])
        games = len(client.json("GET", f"/public/v1/leagues/{ids['league']}/games")["games"])
        print(f"\n## {teams:,} teams (league {ids['league']}: {league_teams} teams in its standings, {games} games)\n")
        log("throughput")
        rows, results = throughput(ids, admin)
        print_throughput(rows, results)
        log("uncached")
        small = uncached(ids, app)
        log("freshness")
        after_return, after_send, polls = freshness(ids, admin)
        seen = [x for x in after_return if x is not None]
        print(f"\nFreshness over {len(after_return)} corrected results: public standings changed {statistics.median(seen):.1f} ms (median),"
              f" {max(seen):.1f} ms (max) after the PUT returned; {statistics.median(x for x in after_send if x is not None):.1f} ms median,"
              f" {max(x for x in after_send if x is not None):.1f} ms max after it was sent; never changed within 30 s: {after_return.count(None)};"
              f" polls per result median {statistics.median(polls)}, max {max(polls)}")
        app.stop()

        log(f"growing to {BIG:,} teams")
        teams, replica = grow_to(BIG, env, app)
        env2 = dict(env, Demo__Seed="false")
        app = App(env2)
        took = app.start()
        log(f"ready in {took:.0f} s")
        client = Client()
        admin = client.json("POST", "/api/auth/login", body={"email": "admin@example.org", "password": PASSWORD})["accessToken"]
        league_teams = len(client.json("GET", f"/public/v1/leagues/{ids['league']}/standings")["rows"])
        log("uncached (big)")
        big = uncached(ids, app)
        print(f"\n## Uncached time of each public endpoint, {UNCACHED} sequential requests per endpoint on one keep-alive connection\n")
        print(f"At 2,552 teams (Demo:Teams 2,500 + the trivia leagues' teams) and at {teams:,} teams ({replica:,} in the Leagues module's replica;"
              f" the measured league then has {league_teams} teams in its standings). Each miss carries a unique unused query parameter, so"
              " it misses the output cache. 'server' is the Host's own request log (Serilog request logging: from its middleware, which"
              " runs before the output cache, to the response written; Kestrel's parsing and the socket are not in it). 'client' is"
              " wall time in a Python http.client on the same machine, so it adds Kestrel + HTTP + the client; 'hit' is the same URL"
              " served from the output cache, i.e. that floor.\n")
        print("| Endpoint | server miss median ms (p95) @2.5k | client miss median (p95) | hit | bytes "
              "| server miss median ms (p95) @100k | client miss median (p95) | hit | bytes |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, _ in endpoints(ids):
            a, b = small[name], big[name]
            print(f"| {name} | {a[0]:.2f} ({a[1]:.2f}) | {a[2]:.2f} ({a[3]:.2f}) | {a[4]:.2f} | {a[5]:,} "
                  f"| {b[0]:.2f} ({b[1]:.2f}) | {b[2]:.2f} ({b[3]:.2f}) | {b[4]:.2f} | {b[5]:,} |")
        log("throughput (big)")
        rows, results = throughput(ids, admin)
        print(f"\n## {teams:,} teams, throughput again\n")
        print_throughput(rows, results)
        load = os.getloadavg()
        print(f"\nLoad average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    finally:
        app.stop()
        app.log.close()


if __name__ == "__main__":
    main()
