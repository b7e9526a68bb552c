#!/usr/bin/env python3
"""Listing work off the request path (issue #12 item 4). Seeds BENCH_SIZES teams (default 1,000,000), starts the Host,
then prints, from one run: reader latencies (HTTP GET /api/teams, 2 reader threads) while quiet and while a full
rebuild of the listing (which has rows) runs in another process, with the rebuild's time and any page that differed,
three times: with nothing drifted (repaired in place: nothing to do), with 1% of the rows drifted (repaired in place),
and with a swap asked for (every row into a shadow table, indexed, swapped in; what a large drift gets);
and a rename of a sponsor with 11,000 teams: the PUT answered and every listing row re-keyed, with the sponsor-sorted
first page checked against the truth on every read meanwhile. Run through bench/run_offpath.sh."""
import os
import re
import statistics
import subprocess
import threading
import time
import urllib.request

import listing_bench as lb

SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "1000000").split()]
SPONSOR_TEAMS = int(os.environ.get("BENCH_SPONSOR_TEAMS", "11000"))
QUIET_SECONDS = float(os.environ.get("BENCH_QUIET_SECONDS", "10"))


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def shown(page):
    """What a reader must see the same: the rows, and the total when it is exact (an estimate follows the statistics,
    which a rebuild refreshes)."""
    return [(i["id"], i["sponsorName"]) for i in page["items"]], None if page["totalIsEstimate"] else page["totalCount"]


class Readers:
    """Two threads reading listing pages in a loop; each read's latency and whether the page matched the expected one."""

    def __init__(self, base, token, urls, expected):
        self.base, self.token, self.urls, self.expected = base, token, urls, expected
        self.reads, self.stop, self.threads = [], threading.Event(), []

    def start(self):
        self.reads, self.stop = [], threading.Event()
        self.threads = [threading.Thread(target=self.loop, args=(k,)) for k in range(2)]
        for t in self.threads:
            t.start()

    def loop(self, k):
        i = k
        while not self.stop.is_set():
            url = self.urls[i % len(self.urls)]
            t0 = time.perf_counter()
            try:
                page = lb.http("GET", self.base + url, self.token)
                ok = self.expected is None or shown(page) == self.expected[url]
            except Exception:
                ok = None
            self.reads.append(((time.perf_counter() - t0) * 1000, ok, t0))
            i += 1

    def finish(self):
        self.stop.set()
        for t in self.threads:
            t.join()
        return self.stats()

    def stats(self, since=None, until=None):
        """Figures of the reads started within [since, until] (perf_counter seconds), or of all of them."""
        reads = [r for r in self.reads if (since is None or r[2] >= since) and (until is None or r[2] <= until)]
        ms = [r[0] for r in reads] or [0.0]
        return {"n": len(reads), "p50": statistics.median(ms), "p99": pct(ms, 99), "max": max(ms),
                "wrong": sum(1 for r in reads if r[1] is False), "errors": sum(1 for r in reads if r[1] is None)}


def main():
    for n in SIZES:
        db = f"midwest_bench_offpath_{n}"
        city_sql = "SELECT id FROM leagues.cities WHERE name = 'Milwaukee'"
        sponsor_sql = "SELECT s.id FROM sponsors.sponsors s JOIN sponsors.sponsor_cities c ON c.sponsor_id = s.id WHERE c.city_id = '{0}' ORDER BY s.id LIMIT 1"
        # BENCH_REUSE=1: measure again on the database a previous run (BENCH_KEEP=1) left seeded.
        if os.environ.get("BENCH_REUSE") == "1" and lb.psql("postgres", f"SELECT count(*) FROM pg_database WHERE datname = '{db}'") == "1":
            print(f"# Listing off the request path, {n:,} teams (reused database; {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores)\n", flush=True)
            city = lb.psql(db, city_sql)
            sponsor = lb.psql(db, "SELECT sponsor_id FROM teams.team_listing WHERE sponsor_id IS NOT NULL GROUP BY sponsor_id ORDER BY count(*) DESC LIMIT 1")
        else:
            lb.psql("postgres", f"DROP DATABASE IF EXISTS {db}")
            lb.psql("postgres", f"CREATE DATABASE {db}")
            t0 = time.perf_counter()
            lb.host(db, "seed", "--teams", str(n))
            print(f"# Listing off the request path, {n:,} teams (seeded in {time.perf_counter() - t0:.1f} s; {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores)\n", flush=True)
            city = lb.psql(db, city_sql)
            sponsor = lb.psql(db, sponsor_sql.format(city))
            target = min(SPONSOR_TEAMS, n)
            lb.psql(db, f"UPDATE teams.teams SET sponsor_id = '{sponsor}' WHERE id IN (SELECT id FROM teams.teams WHERE city_id = '{city}' ORDER BY id LIMIT {target})")
            lb.host(db, "rebuild-listing")
        for table in ("teams.team_listing", "teams.teams", "sponsors.sponsors"):
            lb.psql(db, f"VACUUM ANALYZE {table}")

        server = lb.host(db, "run", background=True, extra={"ASPNETCORE_URLS": f"http://127.0.0.1:{lb.PORT}", "Demo__Seed": "false"})
        try:
            base = f"http://127.0.0.1:{lb.PORT}"
            for _ in range(240):
                try:
                    urllib.request.urlopen(base + "/health/live", timeout=2)
                    break
                except Exception:
                    time.sleep(0.5)
            admin = lb.http("POST", base + "/api/auth/login", body={"email": "admin@example.org", "password": lb.PASSWORD})["accessToken"]
            token = lb.http("POST", base + "/api/auth/login", body={"email": "milwaukee.admin@example.org", "password": lb.PASSWORD})["accessToken"]
            urls = ["/api/teams?sort=sponsorName&pageSize=25", "/api/teams?sort=-sponsorName&pageSize=25&page=40",
                    "/api/teams?sort=name&pageSize=25&page=400", "/api/teams?sort=captainName&pageSize=25"]
            expected = {u: shown(lb.http("GET", base + u, token)) for u in urls}

            # Full rebuild of a listing that has rows, readers running (BENCH_PARTS="rename" skips them).
            parts = os.environ.get("BENCH_PARTS", "rebuild drift swap rename").split()
            # Drift no reader's page shows (the league version the listing keeps), on 1% of the rows.
            drift_sql = f"UPDATE teams.team_listing SET league_version = 0 WHERE team_id IN (SELECT team_id FROM teams.team_listing ORDER BY team_id LIMIT {n // 100})"
            runs = [("rebuild", "nothing drifted", None, []), ("drift", f"{n // 100:,} rows (1%) drifted", drift_sql, []),
                    ("swap", "a swap asked for (--swap)", None, ["--swap"])]
            quiet = None
            table = ["| full rebuild of a listing with rows, 2 readers (city-scoped GET /api/teams) | rebuild s | reads | p50 ms | p99 ms | max ms | wrong pages | errors |",
                     "|---|---:|---:|---:|---:|---:|---:|---:|"]
            reports = []
            # BENCH_REBUILD_PG_OPTIONS: server settings for the rebuild's session only (an A/B of planner or worker
            # settings without a rebuild of the app), e.g. "-c max_parallel_workers_per_gather=0".
            options = os.environ.get("BENCH_REBUILD_PG_OPTIONS")
            rebuild_env = {"ConnectionStrings__Postgres": f"{lb.conn(db)};Options={options}"} if options else None
            for part, label, before, flags in runs:
                if part not in parts:
                    continue
                if before:
                    lb.psql(db, before)
                readers = Readers(base, token, urls, expected)
                if quiet is None:
                    readers.start()
                    time.sleep(QUIET_SECONDS)
                    quiet = readers.finish()
                    table.append(f"| readers, quiet ({QUIET_SECONDS:.0f} s) | | {quiet['n']} | {quiet['p50']:.1f} | {quiet['p99']:.1f} | {quiet['max']:.1f} | {quiet['wrong']} | {quiet['errors']} |")
                readers.start()
                t0 = time.perf_counter()
                report = lb.host(db, "rebuild-listing", *flags, extra=rebuild_env).strip()
                ended = time.perf_counter()
                rebuild_s = ended - t0
                during = readers.finish()
                table.append(f"| readers during the rebuild process, {label} | {rebuild_s:.1f} | {during['n']} | {during['p50']:.1f} | {during['p99']:.1f} | {during['max']:.1f} | {during['wrong']} | {during['errors']} |")
                # The rebuild itself: the last "in N s" of the command's report, ending when the process ended (it
                # exits right after); the rest of the process wall is the Host starting, beside the readers.
                own = re.search(r"in ([0-9.]+) s\.?$", report)
                if own:
                    own_s = float(own.group(1))
                    inner = readers.stats(since=ended - own_s, until=ended)
                    table.append(f"| readers during the rebuild itself (its last {own_s:.1f} s), {label} | {own_s:.1f} | {inner['n']} | {inner['p50']:.1f} | {inner['p99']:.1f} | {inner['max']:.1f} | {inner['wrong']} | {inner['errors']} |")
                reports.append(f"- {label} (process wall {rebuild_s:.1f} s): {report}")
            if reports:
                print("\n".join(table) + "\n")
                print("The rebuild command's own reports:\n" + "\n".join(reports) + "\n", flush=True)

            # Rename of the sponsor with SPONSOR_TEAMS teams: PUT answered, rows re-keyed, the sponsor-sorted page right meanwhile.
            big = int(lb.psql(db, f"SELECT count(*) FROM teams.team_listing WHERE sponsor_id = '{sponsor}'"))
            facts = lb.http("GET", f"{base}/api/sponsors/{sponsor}", admin)
            answered, rekeyed, checks, wrong = [], [], 0, 0
            for attempt in range(5):
                # Alternate the new name between the two ends of the order, so a page by stale keys would be wrong.
                new_name = f"{'0' if attempt % 2 == 0 else 'zz'} Renamed {attempt} {time.time_ns()}"
                t0 = time.perf_counter()
                lb.http("PUT", f"{base}/api/sponsors/{sponsor}", admin, {"name": new_name, "cityIds": facts["cityIds"]})
                answered.append((time.perf_counter() - t0) * 1000)
                url = f"{base}/api/teams?sort={'sponsorName' if attempt % 2 == 0 else '-sponsorName'}&pageSize=25"
                while True:
                    page = lb.http("GET", url, token)
                    checks += 1
                    if any(i["sponsorName"] != new_name for i in page["items"]):
                        wrong += 1
                    if lb.psql(db, f"SELECT count(*) FROM teams.sponsor_names WHERE sponsor_id = '{sponsor}' AND listed_version = version") == "1":
                        break
                rekeyed.append((time.perf_counter() - t0) * 1000)
            stale = int(lb.psql(db, f"SELECT count(*) FROM teams.team_listing WHERE sponsor_id = '{sponsor}' AND sponsor_name <> '{new_name}'"))
            print(f"| rename of a sponsor with {big:,} teams (5 runs, from the PUT's start) | median ms | min ms | max ms |")
            print("|---|---:|---:|---:|")
            print(f"| PUT /api/sponsors/{{id}} answered | {statistics.median(answered):.1f} | {min(answered):.1f} | {max(answered):.1f} |")
            print(f"| every listing row re-keyed (listed_version caught up) | {statistics.median(rekeyed):.1f} | {min(rekeyed):.1f} | {max(rekeyed):.1f} |\n")
            print(f"Sponsor-sorted first page read {checks} times while re-keying: {wrong} showed a row that was not the renamed sponsor's; rows still stale after: {stale}\n", flush=True)
        finally:
            server.terminate()
            server.wait()
        if os.environ.get("BENCH_KEEP") != "1":
            time.sleep(2)
            lb.psql("postgres", f"DROP DATABASE IF EXISTS {db}")


if __name__ == "__main__":
    main()
