#!/usr/bin/env python3
"""Request-path benchmark; run through bench/request-path/run.sh, which starts PostgreSQL and builds the app.
Starts the Host of the given checkout (Development demo data: 4 cities, 2,500 teams; console logging as run.sh has it,
to a file), then measures every endpoint with wrk in interleaved rounds and prints a markdown table of medians."""
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

APP, CONN = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
REPORT = os.path.join(os.path.dirname(HERE), "report.lua")
DLL = os.path.join(APP, "src/Host/MidwestSports.Host/bin/Release/net10.0/MidwestSports.Host.dll")
PORT = int(os.environ.get("BENCH_PORT", "5187"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SECONDS = os.environ.get("BENCH_SECONDS", "5")
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = os.environ.get("MIDWEST_DEMO_PASSWORD", "Midwest-Demo-1")


def ensure_database():
    parts = dict(p.split("=", 1) for p in CONN.split(";"))
    env = dict(os.environ, PGPASSWORD=parts["Password"])
    args = ["psql", "-h", parts["Host"], "-p", parts["Port"], "-U", parts["Username"], "-d", "postgres", "-qAt", "-c"]
    exists = subprocess.run(args + ["SELECT 1 FROM pg_database WHERE datname = 'request_path'"], env=env, capture_output=True, text=True, check=True)
    if exists.stdout.strip() != "1":
        subprocess.run(args + ["CREATE DATABASE request_path"], env=env, check=True, capture_output=True)


def http(method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def login(email):
    _, body = http("POST", "/api/auth/login", body={"email": email, "password": PASSWORD})
    return json.loads(body)["accessToken"]


def wrk(path, token=None, seconds=SECONDS):
    cmd = ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", "-s", REPORT]
    if token:
        cmd += ["-H", f"Authorization: Bearer {token}"]
    out = subprocess.run(cmd + [BASE + path], capture_output=True, text=True, check=True).stdout
    m = re.search(r"WRK p50_ms=([\d.]+) p95_ms=([\d.]+) rps=([\d.]+) errors=(\d+) requests=(\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return float(m.group(3)), float(m.group(1)), int(m.group(4)) + (int(non2xx.group(1)) if non2xx else 0)


def main():
    ensure_database()
    env = dict(os.environ, ConnectionStrings__Postgres=CONN, ASPNETCORE_ENVIRONMENT="Development", DOTNET_ENVIRONMENT="Development",
               ASPNETCORE_URLS=BASE, Bench__BareEndpoints="true")
    log = open(f"/tmp/request-path-app-{os.getpid()}.log", "w")
    app = subprocess.Popen(["dotnet", DLL], env=env, cwd=os.path.dirname(DLL), stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            try:
                if http("GET", "/health/live")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        admin, milwaukee = login("admin@example.org"), login("milwaukee.admin@example.org")
        cities = json.loads(http("GET", "/api/cities", milwaukee)[1])
        city = cities[0]["id"]
        commit = subprocess.run(["git", "-C", APP, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()

        endpoints = [
            ("/health/live, anonymous", "/health/live", None),
            ("/health/live, bearer token", "/health/live", milwaukee),
            ("bare: same JSON, no health-check middleware", "/bench/bare/live", None),
            ("/api/cities (system admin, 4 rows)", "/api/cities", admin),
            ("bare: same SQL, prepared, same JSON", "/bench/bare/cities", None),
            ("/api/teams?sort=sponsorName (Milwaukee admin)", "/api/teams?sort=sponsorName", milwaukee),
            ("bare: same SQL, prepared, same JSON", f"/bench/bare/teams?cityId={city}", None),
        ]
        available = []
        for name, path, token in endpoints:
            try:
                status, body = http("GET", path, token)
                json.loads(body)  # a checkout without bare endpoints redirects them to the sign-in page
                available.append((name, path, token, body))
            except (urllib.error.HTTPError, ValueError):
                print(f"(skipped: {path} does not answer JSON here; a checkout without bare endpoints)")
        bodies = {path: body for _, path, _, body in available}
        same = {
            "cities": bodies.get("/bench/bare/cities") == bodies.get("/api/cities") if "/bench/bare/cities" in bodies else None,
            "teams": (json.loads(bodies[f"/bench/bare/teams?cityId={city}"]) == json.loads(bodies["/api/teams?sort=sponsorName"]))
            if f"/bench/bare/teams?cityId={city}" in bodies else None,
        }
        for _, path, token, _ in available:
            wrk(path, token, seconds=2)  # warm-up: JIT tier-up, pools, prepared statements
        results = {path + str(bool(token)): [] for _, path, token, _ in available}
        errors = 0
        for _ in range(RUNS):
            for _, path, token, _ in available:
                rps, p50, err = wrk(path, token)
                results[path + str(bool(token))].append((rps, p50))
                errors += err
        print(f"\nRequest path, {APP} at {commit}, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC: wrk 2 threads x 32 connections x {SECONDS} s,"
              f" {RUNS} interleaved rounds after a 2 s warm-up each; errors or non-2xx: {errors}")
        print(f"Same JSON as the bare endpoint: cities {same['cities']}, team page {same['teams']}\n")
        print("| Endpoint | req/s median (min-max) | p50 ms median | vs bare |")
        print("|---|---:|---:|---:|")
        previous = None
        for name, path, token, _ in available:
            runs = results[path + str(bool(token))]
            rps = statistics.median(r for r, _ in runs)
            ratio = f"{previous / rps:.0%}" if path.startswith("/bench/bare") and previous else ""
            print(f"| {name} | {rps:,.0f} ({min(r for r, _ in runs):,.0f}-{max(r for r, _ in runs):,.0f}) | {statistics.median(p for _, p in runs):.2f} | {ratio} |")
            if not path.startswith("/bench/bare") and not (path == "/health/live" and token):
                previous = rps  # the bare row below compares with this one (the anonymous probe for the bare probe)
    finally:
        app.terminate()
        app.wait(timeout=30)
        log.close()


if __name__ == "__main__":
    main()
