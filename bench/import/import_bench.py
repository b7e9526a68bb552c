#!/usr/bin/env python3
"""Data import benchmark (issue 11); run through bench/import/run.sh, which starts PostgreSQL and builds the app.

Per run (BENCH_RUNS, default 3), on a fresh database:
  1. The app starts in Development with the demo data but no demo teams (Demo:Teams=0): 4 cities, 156 leagues and 600
     sponsors, created by the app's own seeding. 150 open leagues (not trivia, spread over the 4 cities) and the active
     sponsors are read back through the API.
  2. For each size in BENCH_ROWS (default "10000 100000"), a teams CSV (Team, League, City, Season, Sponsor, Captain,
     Captain Email, Captain Phone; names unique per league; about 70% sponsored, the sponsor by name among those of the
     league's city) is uploaded as a system admin and measured:
       analysis   POST /api/imports sent -> GET /api/imports/{id} says Ready (polled every 50 ms)
       commit     POST /api/imports/{id}/commit {"mode":"all"}: the request (it plans every row again to detect drift)
       apply      202 received -> status Committed
       listing    Committed -> GET /api/teams?leagueId=<each league of the file>&pageSize=1 shows every row's team
                  (verified for 5 leagues by totalCount, and for all rows by counting teams.team_listing)
       rate       rows / (commit sent -> listing caught up)
       memory     the app's VmHWM minus its VmRSS after `echo 5 > /proc/<pid>/clear_refs` (the peak reset) before the
                  upload and again before the commit; the larger of the two phases is "peak growth"
  3. The 100,000-row file is uploaded again: upload -> Ready, every row unchanged. Then, once no module's outbox holds
     an unprocessed message (the commit's subscribers done), once more, timed the same way.
Prints a markdown table per run, and one of medians over the runs."""
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import time
import uuid

APP, CONN = sys.argv[1], sys.argv[2]
DLL = os.path.join(APP, "src/Host/MidwestSports.Host/bin/Release/net10.0/MidwestSports.Host.dll")
PORT = int(os.environ.get("BENCH_PORT", "5191"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SIZES = [int(x) for x in os.environ.get("BENCH_ROWS", "10000 100000").split()]
HOST = "127.0.0.1"
BASE = f"http://{HOST}:{PORT}"
DB = "import_bench"
PASSWORD = os.environ.get("MIDWEST_DEMO_PASSWORD", "Midwest-Demo-1")
PARTS = dict(p.split("=", 1) for p in CONN.split(";"))
LEAGUES = 150
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "1800"))
ADJECTIVES = ["Blue", "Red", "Golden", "Silver", "Mighty", "Rowdy", "Lucky", "Dizzy", "Sneaky", "Brave", "Lazy", "Fuzzy",
              "Northern", "Southern", "Iron", "Velvet", "Thunder", "Salty", "Crimson", "Electric", "Wild", "Hungry",
              "Midnight", "Sunday", "Frozen", "Flying", "Roaring", "Quiet", "Happy", "Grumpy"]
NOUNS = ["Otters", "Badgers", "Walleyes", "Cranes", "Beavers", "Foxes", "Owls", "Pike", "Muskies", "Herons", "Loons",
         "Bison", "Moose", "Wolves", "Hawks", "Bears", "Ravens", "Geese", "Turtles", "Comets", "Rockets", "Anchors",
         "Pretzels", "Curds", "Brats", "Hops", "Lagers", "Tornadoes", "Blizzards", "Lakers"]


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def psql(sql, database="postgres"):
    env = dict(os.environ, PGPASSWORD=PARTS["Password"])
    args = ["psql", "-h", PARTS["Host"], "-p", PARTS["Port"], "-U", PARTS["Username"], "-d", database, "-qAt", "-v", "ON_ERROR_STOP=1", "-c", sql]
    return subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout.strip()


class Client:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, token=None):
        self.token = token
        self.conn = http.client.HTTPConnection(HOST, PORT, timeout=600)

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=h)
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError):
                if attempt:
                    raise
                self.conn.close()
                self.conn = http.client.HTTPConnection(HOST, PORT, timeout=600)

    def json(self, method, path, body=None, headers=None):
        status, payload = self.request(method, path, body, headers)
        if status >= 400:
            raise RuntimeError(f"{method} {path}: {status} {payload[:500]!r}")
        return json.loads(payload) if payload else None


class App:
    def __init__(self, env):
        self.env = env
        self.log = open(f"/tmp/import-bench-app-{os.getpid()}.log", "a")
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

    def status(self):
        """(VmRSS, VmHWM) of the app in MB."""
        values = {}
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0]) / 1024
        return values["VmRSS"], values["VmHWM"]

    def reset_peak(self):
        with open(f"/proc/{self.proc.pid}/clear_refs", "w") as f:
            f.write("5")
        return self.status()[0]

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=60)
        self.proc = None


def all_pages(client, path):
    items, page = [], 1
    while True:
        answer = client.json("GET", f"{path}{'&' if '?' in path else '?'}page={page}&pageSize=200")
        items += answer["items"]
        if len(answer["items"]) < 200:
            return items
        page += 1


def references(client):
    """150 open non-trivia leagues spread over the cities (unique by name, city and season) and the active sponsors by city."""
    leagues = [l for l in all_pages(client, "/api/leagues") if str(l["status"]) not in ("Archived", "4") and l["sport"] != "Trivia"]
    keys = {}
    for l in leagues:
        keys.setdefault((l["name"].lower(), l["cityName"].lower(), l["term"], l["seasonYear"]), []).append(l)
    unique = [ls[0] for ls in keys.values() if len(ls) == 1]
    by_city = {}
    for l in sorted(unique, key=lambda l: l["id"]):
        by_city.setdefault(l["cityId"], []).append(l)
    chosen = []
    while len(chosen) < LEAGUES and any(by_city.values()):
        for city in by_city.values():
            if city and len(chosen) < LEAGUES:
                chosen.append(city.pop())
    sponsors = [s for s in all_pages(client, "/api/sponsors") if s["active"]]
    in_city = {}
    for s in sponsors:
        for city in s["cityIds"]:
            in_city.setdefault(city, []).append(s["name"])
    return chosen, in_city, len(sponsors)


def season(league):
    term = league["term"]
    term = ["Winter", "Spring", "Summer", "Fall"][term] if isinstance(term, int) else term
    return f"{term} {league['seasonYear']}"


def make_csv(rows, leagues, sponsors, tag):
    """CSV bytes and the expected count per league id. Names are unique per league (a serial number in the name)."""
    rnd = random.Random(rows)
    lines = ["Team,League,City,Season,Sponsor,Captain,Captain Email,Captain Phone"]
    per_league = {}
    for i in range(rows):
        league = leagues[i % len(leagues)]
        per_league[league["id"]] = per_league.get(league["id"], 0) + 1
        name = f"{rnd.choice(ADJECTIVES)} {rnd.choice(NOUNS)} {tag}{i:06d}"
        names = sponsors.get(league["cityId"], [])
        sponsor = rnd.choice(names) if names and rnd.random() < 0.7 else ""
        first = rnd.choice(["Alex", "Sam", "Jordan", "Casey", "Taylor", "Morgan", "Riley", "Jamie", "Drew", "Quinn"])
        last = rnd.choice(["Kowalski", "Nguyen", "Schmidt", "Olson", "Garcia", "Johnson", "Novak", "Larsen", "Murphy", "Hansen"])
        email = f"{first.lower()}.{last.lower()}.{tag.lower()}{i}@example.org"
        phone = f"414-555-{i % 10000:04d}"
        fields = [name, league["name"], league["cityName"], season(league), sponsor, f"{first} {last}", email, phone]
        lines.append(",".join('"' + f.replace('"', '""') + '"' if any(c in f for c in ',"\n') else f for f in fields))
    return ("\n".join(lines) + "\n").encode(), per_league


def multipart(content, filename):
    boundary = uuid.uuid4().hex
    parts = [
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nteams\r\n".encode(),
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n".encode(),
        content, f"\r\n--{boundary}--\r\n".encode(),
    ]
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def wait_for(client, import_id, statuses, app, started):
    """Polls the import until its status is one of `statuses`; returns (answer, seconds since started, peak HWM MB)."""
    peak = 0.0
    while True:
        answer = client.json("GET", f"/api/imports/{import_id}")
        peak = max(peak, app.status()[1])
        if answer["status"] in statuses:
            return answer, time.perf_counter() - started, peak
        if answer["status"] == "Failed" or time.perf_counter() - started > TIMEOUT:
            raise RuntimeError(f"import {import_id}: {answer['status']} {answer.get('message')}")
        time.sleep(0.05)


def upload(client, app, content, filename):
    """Uploads and waits for Ready: (id, seconds, counts, memory growth MB)."""
    body, headers = multipart(content, filename)
    base = app.reset_peak()
    started = time.perf_counter()
    created = client.json("POST", "/api/imports", body, headers)
    answer, took, peak = wait_for(client, created["id"], ("Ready",), app, started)
    return created["id"], took, answer["counts"], peak - base


def drain():
    """Waits until no module's outbox holds an unprocessed message; returns the seconds waited."""
    schemas = psql("SELECT string_agg(table_schema, ' ') FROM information_schema.tables WHERE table_name = 'outbox_messages'", DB).split()
    count = " + ".join(f"(SELECT count(*) FROM \"{s}\".outbox_messages WHERE processed_at IS NULL)" for s in schemas)
    started = time.perf_counter()
    while int(psql(f"SELECT {count}", DB)) > 0 and time.perf_counter() - started < TIMEOUT:
        time.sleep(0.5)
    return time.perf_counter() - started


def listed_in(client, league_id):
    return client.json("GET", f"/api/teams?leagueId={league_id}&pageSize=1")["totalCount"]


def measure(client, app, size, leagues, sponsors, tag):
    content, per_league = make_csv(size, leagues, sponsors, tag)
    before = int(psql("SELECT count(*) FROM teams.team_listing", DB))
    checked = leagues[-5:]
    expected = {l["id"]: per_league[l["id"]] + listed_in(client, l["id"]) for l in checked}
    import_id, analysis, counts, grow_analysis = upload(client, app, content, f"teams-{size}.csv")
    if counts["error"] or counts["create"] != size:
        raise RuntimeError(f"{size} rows: counts {counts}")
    base = app.reset_peak()
    started = time.perf_counter()
    client.json("POST", f"/api/imports/{import_id}/commit", {"mode": "all"})
    commit_request = time.perf_counter() - started
    _, committed, peak = wait_for(client, import_id, ("Committed",), app, started)
    grow_commit = peak - base
    # The listing: a few leagues through the API (exact counts), every row by the table.
    polls = 0
    while True:
        polls += 1
        seen = {l["id"]: listed_in(client, l["id"]) for l in checked}
        if all(seen[k] >= v for k, v in expected.items()):
            break
        if time.perf_counter() - started > TIMEOUT:
            raise RuntimeError(f"listing not caught up: {seen} vs {expected}")
        time.sleep(0.05)
    caught_up = time.perf_counter() - started
    listed = int(psql("SELECT count(*) FROM teams.team_listing", DB))
    if listed - before != size:
        raise RuntimeError(f"the listing has {listed - before} new rows, expected {size}")
    return {
        "rows": size, "bytes": len(content), "analysis": analysis, "commit_request": commit_request,
        "apply": committed - commit_request, "listing": caught_up - committed, "listing_polls": polls,
        "end_to_end": caught_up, "rate": size / caught_up, "grow_analysis": grow_analysis, "grow_commit": grow_commit,
        "grow": max(grow_analysis, grow_commit), "content": content,
    }


def one_run(number):
    for attempt in range(10):  # the previous run's app may still be closing its connections
        try:
            psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
            break
        except subprocess.CalledProcessError as error:
            if attempt == 9:
                raise RuntimeError(error.stderr) from error
            time.sleep(3)
    psql(f"CREATE DATABASE {DB}")
    conn = ";".join(f"{k}={v}" for k, v in {**PARTS, "Database": DB}.items())
    env = dict(os.environ, ConnectionStrings__Postgres=conn, ASPNETCORE_ENVIRONMENT="Development", DOTNET_ENVIRONMENT="Development",
               ASPNETCORE_URLS=BASE, Demo__Teams="0", PublicApi__RateLimit__PerMinute="0")
    app = App(env)
    try:
        log(f"run {number}: starting the app (fresh database, demo leagues and sponsors, no demo teams)")
        took = app.start()
        log(f"ready in {took:.0f} s")
        token = Client().json("POST", "/api/auth/login", {"email": "admin@example.org", "password": PASSWORD})["accessToken"]
        client = Client(token)
        leagues, sponsors, sponsor_count = references(client)
        cities = len({l["cityId"] for l in leagues})
        log(f"{len(leagues)} leagues in {cities} cities, {sponsor_count} active sponsors; idle RSS {app.status()[0]:.0f} MB")
        results = []
        for i, size in enumerate(SIZES):
            log(f"{size:,} rows")
            results.append(measure(client, app, size, leagues, sponsors, "ABCDEFGH"[i]))
            r = results[-1]
            log(f"  analysis {r['analysis']:.1f} s, commit request {r['commit_request']:.1f} s, apply {r['apply']:.1f} s, listing +{r['listing']:.2f} s,"
                f" {r['rate']:,.0f} rows/s, memory +{r['grow_analysis']:.0f} / +{r['grow_commit']:.0f} MB")
        biggest = max(results, key=lambda r: r["rows"])
        log(f"re-run of the {biggest['rows']:,}-row file")
        _, rerun, counts, grow_rerun = upload(client, app, biggest["content"], f"teams-{biggest['rows']}-again.csv")
        log(f"  {rerun:.1f} s, {counts}, memory +{grow_rerun:.0f} MB")
        # The same re-run once the commit's messages are all handled: the re-run above shares the 2 cores with the
        # subscribers still working through them (the Leagues replica, the public site's feed and cache).
        waited = drain()
        log(f"re-run again, after the outbox backlog drained ({waited:.0f} s of waiting)")
        _, rerun_drained, counts_drained, _ = upload(client, app, biggest["content"], f"teams-{biggest['rows']}-again-2.csv")
        log(f"  {rerun_drained:.1f} s, {counts_drained}")
        return {"results": results, "rerun": rerun, "rerun_counts": counts, "rerun_grow": grow_rerun, "leagues": len(leagues),
                "cities": cities, "sponsors": sponsor_count, "rerun_drained": rerun_drained, "drain_wait": waited}
    finally:
        app.stop()
        app.log.close()


def table(runs, pick, title):
    sizes = [r["rows"] for r in runs[0]["results"]]
    print(f"\n### {title}\n")
    print("| Measurement | " + " | ".join(f"{s:,} rows" for s in sizes) + " | Goal |")
    print("|---|" + "---:|" * len(sizes) + "---|")
    rows = [
        ("Upload → Ready (analysis), s", "analysis", "{:.2f}", ""),
        ("Commit request (drift re-plan), s", "commit_request", "{:.2f}", ""),
        ("202 → Committed, s", "apply", "{:.2f}", ""),
        ("Committed → rows in GET /api/teams, s", "listing", "{:.2f}", "same transaction: 0"),
        ("Commit sent → listing caught up, s", "end_to_end", "{:.2f}", ""),
        ("Commit rate end to end, rows/s", "rate", "{:,.0f}", "≥ 20,000"),
        ("Memory growth, analysis, MB", "grow_analysis", "{:.0f}", ""),
        ("Memory growth, commit, MB", "grow_commit", "{:.0f}", ""),
        ("Peak memory growth, MB", "grow", "{:.0f}", "< 300, flat in size"),
    ]
    for label, key, fmt, goal in rows:
        print(f"| {label} | " + " | ".join(fmt.format(pick([run["results"][i][key] for run in runs])) for i in range(len(sizes))) + f" | {goal} |")
    rerun = pick([run["rerun"] for run in runs])
    print(f"| Re-run of the {max(sizes):,}-row file: upload → Ready, s | " + " | ".join("" for _ in sizes[:-1]) + f" | {rerun:.2f} | ≤ 5 s, all unchanged |")
    drained = pick([run["rerun_drained"] for run in runs])
    print(f"| The same re-run once the commit's messages are handled, s | " + " | ".join("" for _ in sizes[:-1]) + f" | {drained:.2f} | |")


def main():
    commit = subprocess.run(["git", "-C", APP, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()
    print(f"\nImport benchmark, {APP} at {commit}, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores,"
          f" load average at start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    runs = []
    for number in range(1, RUNS + 1):
        run = one_run(number)
        runs.append(run)
        table([run], lambda xs: xs[0], f"Run {number} ({run['leagues']} leagues in {run['cities']} cities, {run['sponsors']} active sponsors;"
              f" re-run counts {run['rerun_counts']}, re-run memory +{run['rerun_grow']:.0f} MB)")
        sys.stdout.flush()
    if len(runs) > 1:
        table(runs, statistics.median, f"Medians of {len(runs)} runs")
    load = os.getloadavg()
    print(f"\nLoad average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")


if __name__ == "__main__":
    main()
