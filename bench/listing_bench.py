#!/usr/bin/env python3
"""Team-listing benchmark. Prints a markdown table of medians (server-side EXPLAIN ANALYZE and end-to-end HTTP
through wrk, 32 connections) for the listing and for the join + OFFSET it replaces, at each size.
Run through bench/run.sh, which starts the benchmark's own PostgreSQL cluster and builds the Host."""
import base64
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import threading
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST_DLL = os.path.join(ROOT, "src/Host/MidwestSports.Host/bin/Release/net10.0/MidwestSports.Host.dll")
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "2500 100000 1000000").split()]
PORT = int(os.environ.get("BENCH_PORT", "5199"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
WRK_SECONDS = os.environ.get("BENCH_WRK_SECONDS", "5")
PASSWORD = os.environ.get("MIDWEST_DEMO_PASSWORD", "Midwest-Demo-1")


def env_file():
    values = {}
    with open(os.path.join(ROOT, ".local", "pg-bench.env")) as f:
        for line in f:
            k, _, v = line.strip().partition("=")
            values[k] = v
    return values


PG = env_file()


def conn(db):
    return f"Host=127.0.0.1;Port={PG['PG_PORT']};Database={db};Username={PG['PG_APP_USER']};Password={PG['PG_APP_PASSWORD']};Timeout=30;Command Timeout=600"


def psql(db, sql, quiet=True):
    env = dict(os.environ, PGPASSWORD=PG["PG_APP_PASSWORD"])
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", PG["PG_PORT"], "-U", PG["PG_APP_USER"], "-d", db, "-qAt", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr}\n{sql}")
    return out.stdout.strip()


def host(db, *args, extra=None, background=False):
    env = dict(os.environ, ConnectionStrings__Postgres=conn(db), ASPNETCORE_ENVIRONMENT="Development", Demo__Teams="0",
               Serilog__MinimumLevel__Default="Warning", Hangfire__Enabled="false", Outbox__RelayInterval="00:00:05")
    env.update(extra or {})
    cmd = ["dotnet", HOST_DLL, *args]
    if background:
        return subprocess.Popen(cmd, env=env, cwd=os.path.dirname(HOST_DLL), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = subprocess.run(cmd, env=env, cwd=os.path.dirname(HOST_DLL), capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"host {args} failed: {out.stdout}\n{out.stderr}")
    return out.stdout


def explain_ms(db, sql):
    """Median server-side execution time of RUNS runs (after one warm-up)."""
    times = []
    for i in range(RUNS + 1):
        plan = psql(db, "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql)
        if i > 0:
            times.append(json.loads(plan)[0]["Execution Time"])
    return statistics.median(times)


def explain_sequence_ms(db, statements):
    """Median over RUNS runs (after one warm-up) of the summed server-side time of a sequence of statements: pairs of
    (function of the listing rows read so far returning the SQL or None to stop, whether its rows are listing rows)."""
    times = []
    for i in range(RUNS + 1):
        total, rows = 0.0, 0
        for make, counts in statements:
            sql = make(rows)
            if sql is None:
                break
            plan = json.loads(psql(db, "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql))[0]
            total += plan["Execution Time"]
            rows += plan["Plan"].get("Actual Rows", 0) if counts else 0
        if i > 0:
            times.append(total)
    return statistics.median(times)


def filtered_page_ms(db, city, direction, after, keys):
    """What the listing handler does for a sponsor-sorted page filtered to a few sponsor names (ListTeamsHandler): the
    names in the database's order from the cursor's name on (read with the name lookup, as before, not timed here), then
    growing batches of names (2, 8, 32), each one ordered, limited range per name merged, until the page has 26 rows."""
    arr = "ARRAY[" + ",".join(quote(k) for k in keys) + "]::text[]"
    bound = "" if after is None else (f" WHERE k <= {quote(after[0])}" if direction == "DESC" else f" WHERE k >= {quote(after[0])}")
    ordered = [k for k in psql(db, f"SELECT k FROM unnest({arr}) k{bound} ORDER BY k {direction}").split("\n") if k]
    op = "<" if direction == "DESC" else ">"
    batches, start, size = [], 0, 2
    while start < len(ordered):
        batches.append(ordered[start:start + size])
        start += size
        size *= 4

    def batch_sql(names):
        def make(rows):
            if rows >= 26:
                return None
            need = 26 - rows
            children = []
            for k in names:
                skip = f" AND team_id {op} '{after[1]}'" if after is not None and k == after[0] else ""
                children.append(f"(SELECT {LISTING_COLS} FROM teams.team_listing WHERE city_id = '{city}' AND sponsor_key IS NOT NULL "
                                f"AND sponsor_key = {quote(k)}{skip} ORDER BY team_id {direction} LIMIT {need})")
            return "SELECT * FROM (" + " UNION ALL ".join(children) + f") merged ORDER BY sponsor_key {direction}, team_id {direction} LIMIT {need}"
        return make

    return explain_sequence_ms(db, [(batch_sql(b), True) for b in batches])


def cursor(sort, value, team_id, in_nulls):
    raw = json.dumps({"sort": sort, "value": value, "id": team_id, "inNulls": in_nulls}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def http(method, url, token=None, body=None):
    req = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body is not None else None)
    req.add_header("content-type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as r:
        text = r.read().decode()
        return json.loads(text) if text else None


def wrk(url, token):
    out = subprocess.run(["wrk", "-t2", "-c32", f"-d{WRK_SECONDS}s", "--latency", "-s", os.path.join(ROOT, "bench/report.lua"),
                          "-H", f"Authorization: Bearer {token}", url], capture_output=True, text=True)
    m = re.search(r"WRK p50_ms=([\d.]+) p95_ms=([\d.]+) rps=([\d.]+) errors=(\d+)", out.stdout)
    if not m:
        raise RuntimeError(out.stdout + out.stderr)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out.stdout)
    return float(m.group(1)), float(m.group(2)), float(m.group(3)), int(m.group(4)) + (int(non2xx.group(1)) if non2xx else 0)


LISTING_COLS = "team_id, name, league_id, league_name, city_id, city_name, sport, season, sponsor_id, sponsor_name, captain_name, created_at, sponsor_key"


def listing_sql(city, direction, after=None, filt="", keys=None):
    """The SQL the listing handler runs: one range scan, or with a sponsor filter the first rows of one range per
    matching sponsor name (ranges before the cursor skipped by a one-time filter), sorted."""
    op = "<" if direction == "DESC" else ">"
    page = f" ORDER BY sponsor_key {direction}, team_id {direction} LIMIT 26"
    if keys:
        body = f"SELECT {LISTING_COLS} FROM teams.team_listing WHERE city_id = '{city}' AND sponsor_key IS NOT NULL"

        def child(k):
            skip = f" AND ({quote(k)}::text {op} {quote(after[0])} OR ({quote(k)}::text = {quote(after[0])} AND team_id {op} '{after[1]}'))" if after else ""
            return f"({body} AND sponsor_key = {quote(k)}{skip} ORDER BY team_id {direction} LIMIT 26)"

        return "SELECT * FROM (" + " UNION ALL ".join(child(k) for k in keys) + ") merged" + page
    keyset = f" AND (sponsor_key, team_id) {op} ('{after[0]}', '{after[1]}')" if after else ""
    return f"SELECT {LISTING_COLS} FROM teams.team_listing WHERE city_id = '{city}'{filt} AND sponsor_key IS NOT NULL{keyset}" + page


def search_sql(where):
    """What the listing handler sends for a quick search sorted by name (ListTeamsHandler, first page)."""
    cols = ", ".join("l." + c.strip() for c in LISTING_COLS.replace("sponsor_key", "name_key").split(","))
    return (f"SELECT {cols} FROM teams.team_listing l JOIN (SELECT team_id, name_key FROM teams.team_listing WHERE {where} "
            f"ORDER BY name_key, team_id LIMIT 26) k ON k.team_id = l.team_id ORDER BY k.name_key, k.team_id")


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def join_sql(city, direction, offset, filt=""):
    # The rejected design: read both modules' tables and sort by the sponsor's name, OFFSET paging.
    return (f"SELECT t.id, t.name, t.league_id, t.sponsor_id, s.name, t.captain_name, t.created_at FROM teams.teams t "
            f"LEFT JOIN sponsors.sponsors s ON s.id = t.sponsor_id WHERE t.city_id = '{city}'{filt} "
            f"ORDER BY lower(s.name) {direction} NULLS LAST, t.id {direction} LIMIT 26 OFFSET {offset}")


def main():
    rows = []
    machine = f"{platform.node()}: {os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, PostgreSQL {psql('postgres', 'SHOW server_version')}"
    print(f"# Team listing benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {machine})\n", flush=True)
    for n in SIZES:
        db = f"midwest_bench_{n}"
        psql("postgres", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        psql("postgres", f"CREATE DATABASE {db}")
        t0 = time.perf_counter()
        host(db, "seed", "--teams", str(n))
        seed_s = time.perf_counter() - t0
        for table in ("teams.team_listing", "teams.teams", "sponsors.sponsors"):
            psql(db, f"VACUUM ANALYZE {table}")
        # Milwaukee: the city that has a city admin among the demo users, so HTTP requests are truly city-scoped.
        city = psql(db, "SELECT id FROM leagues.cities WHERE name = 'Milwaukee'")
        city_name = psql(db, f"SELECT name FROM leagues.cities WHERE id = '{city}'")
        in_city = int(psql(db, f"SELECT count(*) FROM teams.team_listing WHERE city_id = '{city}' AND sponsor_key IS NOT NULL"))
        print(f"## {n:,} teams (seeded in {seed_s:.1f} s; city-scoped to {city_name}: {in_city:,} sponsored teams)\n", flush=True)

        def position(direction, offset, filt=""):
            r = psql(db, f"SELECT sponsor_key, team_id FROM teams.team_listing WHERE city_id = '{city}'{filt} AND sponsor_key IS NOT NULL "
                         f"ORDER BY sponsor_key {direction}, team_id {direction} OFFSET {offset} LIMIT 1")
            return r.split("|") if r else None

        # The same SQL the listing handler runs for sponsorName=tap: the matching sponsors' ids from the replica, then their rows.
        tap = psql(db, "SELECT string_agg(quote_literal(sponsor_id), ',') FROM teams.sponsor_names WHERE lower(name) LIKE '%tap%'")
        filt = f" AND sponsor_id = ANY(ARRAY[{tap}]::uuid[])"
        join_filt = " AND lower(s.name) LIKE '%tap%'"
        tap_keys = [k for k in psql(db, "SELECT DISTINCT lower(name) FROM teams.sponsor_names WHERE lower(name) LIKE '%tap%'").split("\n") if k]
        in_filter = int(psql(db, f"SELECT count(*) FROM teams.team_listing WHERE city_id = '{city}'{filt}"))
        scenarios = []
        for direction in ("ASC", "DESC"):
            for label, f, jf, count in (("no filter", "", "", in_city), ("sponsor contains 'tap'", filt, join_filt, in_filter)):
                pages = {"first page": 0, "page 1,000": 24_975, "last page": max(0, count - 25)}
                for page_label, offset in pages.items():
                    if offset >= count and offset > 0:
                        continue
                    after = position(direction, offset - 1, f) if offset > 0 else None
                    listing = filtered_page_ms(db, city, direction, after, tap_keys) if f else explain_ms(db, listing_sql(city, direction, after))
                    join = explain_ms(db, join_sql(city, direction, offset, jf))
                    scenarios.append((f"sponsorName {direction.lower()}, {label}, {page_label}", listing, join, (direction, f, after)))

        print("| query (city-scoped) | listing, server ms (median) | join + OFFSET, server ms (median) | join / listing |")
        print("|---|---:|---:|---:|")
        for name, listing, join, _ in scenarios:
            print(f"| {name} | {listing:.3f} | {join:.3f} | {join / listing:,.0f}x |")
        # The handler's quick search in name order: the page's ids from the (city, name) index that carries the search
        # text, then those rows; beside it the plain form it replaced (one query, every column, filtered row by row).
        substring = explain_ms(db, search_sql("search LIKE '%kowal%'"))
        substring_city = explain_ms(db, search_sql(f"city_id = '{city}' AND search LIKE '%otters%'"))
        substring_city_plain = explain_ms(db, f"SELECT {LISTING_COLS} FROM teams.team_listing WHERE city_id = '{city}' AND search LIKE '%otters%' ORDER BY name_key, team_id LIMIT 26")
        print(f"| substring q=kowal (all cities, sorted by name) | {substring:.3f} | | |")
        print(f"| substring q=otters ({city_name}, sorted by name) | {substring_city:.3f} | {substring_city_plain:.3f} (one plain query) | {substring_city_plain / substring_city:.0f}x |\n", flush=True)

        # End to end through the HTTP API.
        server = host(db, "run", background=True, extra={"ASPNETCORE_URLS": f"http://127.0.0.1:{PORT}", "Demo__Seed": "false"})
        try:
            base = f"http://127.0.0.1:{PORT}"
            for _ in range(120):
                try:
                    urllib.request.urlopen(base + "/health/live", timeout=2)
                    break
                except Exception:
                    time.sleep(0.5)
            admin = http("POST", base + "/api/auth/login", body={"email": "admin@example.org", "password": PASSWORD})["accessToken"]
            city_admin_email = {"Milwaukee": "milwaukee.admin@example.org", "Chicago": "chicago.admin@example.org"}.get(city_name, "admin@example.org")
            token = http("POST", base + "/api/auth/login", body={"email": city_admin_email, "password": PASSWORD})["accessToken"]
            print(f"HTTP, {city_admin_email} (city-scoped), wrk 2 threads × 32 connections × {WRK_SECONDS} s each:\n")
            print("| request | median ms | p95 ms | requests/s | errors |")
            print("|---|---:|---:|---:|---:|")
            for name, listing, join, (direction, f, after) in scenarios:
                sort = "sponsorName" if direction == "ASC" else "-sponsorName"
                url = f"{base}/api/teams?sort={sort}&pageSize=25"
                if f:
                    url += "&sponsorName=tap"
                if after:
                    url += "&cursor=" + cursor(sort, after[0], after[1], False)
                p50, p95, rps, errors = wrk(url, token)
                print(f"| {name} | {p50:.2f} | {p95:.2f} | {rps:,.0f} | {errors} |", flush=True)
            p50, p95, rps, errors = wrk(f"{base}/api/teams?q=kowal&pageSize=25", admin)
            print(f"| q=kowal, all cities (system admin) | {p50:.2f} | {p95:.2f} | {rps:,.0f} | {errors} |\n", flush=True)

            # A sponsor with 10,000 teams (or all of them, below that) renamed: commit to visible in the listing.
            sponsor = psql(db, f"SELECT s.id FROM sponsors.sponsors s JOIN sponsors.sponsor_cities c ON c.sponsor_id = s.id WHERE c.city_id = '{city}' LIMIT 1")
            target = min(10_000, n)
            psql(db, f"UPDATE teams.teams SET sponsor_id = '{sponsor}' WHERE id IN (SELECT id FROM teams.teams WHERE city_id = '{city}' ORDER BY id LIMIT {target})")
            report = host(db, "rebuild-listing")
            big = int(psql(db, f"SELECT count(*) FROM teams.team_listing WHERE sponsor_id = '{sponsor}'"))
            facts = http("GET", f"{base}/api/sponsors/{sponsor}", admin)
            # Three moments per rename, from the PUT's start (the commit is a few ms into it): the new name shown in
            # GET /api/teams (polled while the PUT runs), the PUT answered, and every listing row's keys rewritten
            # (the rows sort and filter by the new name).
            shown, answered, rekeyed = [], [], []
            for attempt in range(5):
                new_name = f"Renamed Sponsor {attempt} {time.time_ns()}"
                done = {}
                t0 = time.perf_counter()

                def put():
                    http("PUT", f"{base}/api/sponsors/{sponsor}", admin, {"name": new_name, "cityIds": facts["cityIds"]})
                    done["put"] = (time.perf_counter() - t0) * 1000

                worker = threading.Thread(target=put)
                worker.start()
                while True:
                    page = http("GET", f"{base}/api/teams?sponsorId={sponsor}&pageSize=1&sort=-createdAt", admin)
                    if page["items"][0]["sponsorName"] == new_name:
                        shown.append((time.perf_counter() - t0) * 1000)
                        break
                while int(psql(db, f"SELECT count(*) FROM teams.team_listing WHERE sponsor_id = '{sponsor}' AND sponsor_name <> '{new_name}'")) > 0:
                    time.sleep(0.01)
                rekeyed.append((time.perf_counter() - t0) * 1000)
                worker.join()
                answered.append(done["put"])
            stale = int(psql(db, f"SELECT count(*) FROM teams.team_listing WHERE sponsor_id = '{sponsor}' AND sponsor_name <> '{new_name}'"))
            print(f"Rename of a sponsor with {big:,} teams (5 runs, from the PUT's start): new name shown in GET /api/teams: median "
                  f"{statistics.median(shown):.1f} ms (min {min(shown):.1f}, max {max(shown):.1f}); PUT answered: median {statistics.median(answered):.1f} ms; "
                  f"every listing row re-keyed (sorts and filters by the new name): median {statistics.median(rekeyed):.1f} ms "
                  f"(min {min(rekeyed):.1f}, max {max(rekeyed):.1f}); rows still stale after: {stale}\n")
            print(f"Reconciliation after moving {target:,} teams to that sponsor behind the listing's back: {report.strip()}\n")
        finally:
            server.terminate()
            server.wait()

        psql(db, "TRUNCATE teams.team_listing")
        t0 = time.perf_counter()
        report = host(db, "rebuild-listing")
        print(f"Full rebuild from an empty listing: {report.strip()} (process wall {time.perf_counter() - t0:.1f} s)\n", flush=True)
        if os.environ.get("BENCH_KEEP") != "1":
            psql("postgres", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


if __name__ == "__main__":
    main()
