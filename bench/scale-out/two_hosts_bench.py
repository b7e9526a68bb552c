#!/usr/bin/env python3
"""Two hosts versus one; run through bench/scale-out/run.sh, which starts PostgreSQL and builds the app.
Starts two Host processes (Development demo data: 4 cities, 2,500 teams) on one database and nginx with two servers:
one proxying to the first host only, one round-robin over both. wrk measures the same requests through each, in
interleaved rounds; the table gives medians, the ratio, errors, and how the two-host server spread its requests."""
import collections
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

APP, CONN = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
REPORT = os.path.join(os.path.dirname(HERE), "report.lua")
DLL = os.path.join(APP, "src/Host/MidwestSports.Host/bin/Release/net10.0/MidwestSports.Host.dll")
PORT = int(os.environ.get("BENCH_PORT", "5210"))
ONE, TWO, HOST_A, HOST_B = PORT, PORT + 10, PORT + 1, PORT + 2
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SECONDS = os.environ.get("BENCH_SECONDS", "5")
PASSWORD = os.environ.get("MIDWEST_DEMO_PASSWORD", "Midwest-Demo-1")


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ensure_database():
    parts = dict(p.split("=", 1) for p in CONN.split(";"))
    env = dict(os.environ, PGPASSWORD=parts["Password"])
    args = ["psql", "-h", parts["Host"], "-p", parts["Port"], "-U", parts["Username"], "-d", "postgres", "-qAt", "-c"]
    exists = subprocess.run(args + ["SELECT 1 FROM pg_database WHERE datname = 'scale_out'"], env=env, capture_output=True, text=True, check=True)
    if exists.stdout.strip() != "1":
        subprocess.run(args + ["CREATE DATABASE scale_out"], env=env, check=True, capture_output=True)


def request(port, method, path, token=None, body=None, opener=None, form=None):
    data = json.dumps(body).encode() if body is not None else urllib.parse.urlencode(form).encode() if form is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if form is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with (opener or urllib.request.build_opener()).open(req, timeout=60) as response:
        return response.status, response.read()


def wait_live(port):
    for _ in range(900):
        try:
            if request(port, "GET", "/health/live")[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"the host on {port} never answered /health/live")


def start_host(port, name, tmp):
    env = dict(os.environ, ConnectionStrings__Postgres=CONN, ASPNETCORE_ENVIRONMENT="Development", DOTNET_ENVIRONMENT="Development",
               ASPNETCORE_URLS=f"http://127.0.0.1:{port}", Auth__SecureCookies="false")
    out = open(os.path.join(tmp, f"{name}.log"), "w")
    return subprocess.Popen(["dotnet", DLL], env=env, cwd=os.path.dirname(DLL), stdout=out, stderr=subprocess.STDOUT)


def start_nginx(tmp):
    conf = os.path.join(tmp, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format spread '$server_port $upstream_addr $status';
    access_log {tmp}/access.log spread;
    upstream one_host {{ server 127.0.0.1:{HOST_A}; keepalive 32; }}
    upstream two_hosts {{ server 127.0.0.1:{HOST_A}; server 127.0.0.1:{HOST_B}; keepalive 32; }}
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
    server {{ listen 127.0.0.1:{ONE}; location / {{ proxy_pass http://one_host; }} }}
    server {{ listen 127.0.0.1:{TWO}; location / {{ proxy_pass http://two_hosts; }} }}
}}
""")
    return subprocess.Popen(["nginx", "-c", conf, "-p", tmp, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)


def cookie_sign_in(port, email):
    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None  # the sign-in's 302 carries the cookie; where it points does not matter here

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), Stay())
    page = request(port, "GET", "/account/login", opener=opener)[1].decode()
    token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page).group(1)
    try:
        request(port, "POST", "/account/login", opener=opener,
                form={"_handler": "login", "__RequestVerificationToken": token, "Input.Email": email, "Input.Password": PASSWORD})
    except urllib.error.HTTPError as redirect:
        if redirect.code != 302:
            raise
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def wrk(port, path, header):
    cmd = ["wrk", "-t2", "-c32", f"-d{SECONDS}s", "--latency", "-s", REPORT, "-H", header, f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    m = re.search(r"WRK p50_ms=([\d.]+) p95_ms=([\d.]+) rps=([\d.]+) errors=(\d+) requests=(\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return float(m.group(3)), float(m.group(1)), float(m.group(2)), int(m.group(4)) + (int(non2xx.group(1)) if non2xx else 0), int(m.group(5))


def main():
    ensure_database()
    tmp = tempfile.mkdtemp(prefix="scaleout-bench-")
    for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        os.makedirs(os.path.join(tmp, d))
    processes = []
    try:
        processes.append(start_host(HOST_A, "host-a", tmp))
        wait_live(HOST_A)  # the first host migrates and seeds; the second starts on a ready database
        processes.append(start_host(HOST_B, "host-b", tmp))
        wait_live(HOST_B)
        processes.append(start_nginx(tmp))
        wait_live(ONE)
        wait_live(TWO)
        token = json.loads(request(TWO, "POST", "/api/auth/login", body={"email": "milwaukee.admin@example.org", "password": PASSWORD})[1])["accessToken"]
        cookie = cookie_sign_in(TWO, "milwaukee.admin@example.org")
        endpoints = [
            ("Team listing API, `/api/teams?sort=sponsorName`, Milwaukee admin (bearer)", "/api/teams?sort=sponsorName&pageSize=25", f"Authorization: Bearer {token}"),
            ("Admin Teams page, `/teams` (prerendered HTML, signed-in cookie)", "/teams", f"Cookie: {cookie}"),
        ]
        for _, path, header in endpoints:  # both must answer 200 through both servers before anything is timed
            for port in (ONE, TWO):
                status = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", header, f"http://127.0.0.1:{port}{path}"],
                                        capture_output=True, text=True).stdout
                if status != "200":
                    raise SystemExit(f"{path} through {port} answered {status}")
            for port in (ONE, TWO):
                wrk(port, path, header)  # warm-up
        open(os.path.join(tmp, "access.log"), "w").close()
        os.kill(processes[-1].pid, 10)  # SIGUSR1: nginx reopens its log
        results = collections.defaultdict(list)
        for run in range(RUNS):
            for name, path, header in endpoints:
                order = (ONE, TWO) if run % 2 == 0 else (TWO, ONE)
                for port in order:
                    results[(name, port)].append(wrk(port, path, header))
            log(f"round {run + 1} of {RUNS} done")
        time.sleep(1)
        spread = collections.Counter()
        with open(os.path.join(tmp, "access.log")) as f:
            for line in f:
                server, upstream, _ = line.split()
                if server == str(TWO):
                    spread[upstream] += 1
        commit = subprocess.run(["git", "-C", APP, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        load = open("/proc/loadavg").read().split()[:3]
        print(f"Commit {commit}; {RUNS} interleaved rounds, wrk 2 threads x 32 connections x {SECONDS} s, through nginx (round robin) on the same 2 cores; load average at the end {' '.join(load)}.\n")
        print("| Request | One host, req/s | Two hosts, req/s | Two / one | p50 one, ms | p50 two, ms | p95 one, ms | p95 two, ms | Errors one / two |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, _, _ in endpoints:
            one, two = results[(name, ONE)], results[(name, TWO)]
            med = lambda rows, i: statistics.median(r[i] for r in rows)
            print(f"| {name} | {med(one, 0):,.0f} | {med(two, 0):,.0f} | {(med(two, 0) / med(one, 0) if med(one, 0) else float('nan')):.2f} | {med(one, 1):.1f} | {med(two, 1):.1f} "
                  f"| {med(one, 2):.1f} | {med(two, 2):.1f} | {sum(r[3] for r in one)} / {sum(r[3] for r in two)} |")
        total = sum(spread.values())
        print(f"\nThe two-host server's {total:,} timed requests went to: " + ", ".join(f"{u} {n:,} ({n / max(total, 1):.0%})" for u, n in sorted(spread.items())) + ".")
    finally:
        for p in reversed(processes):
            p.terminate()
        for p in processes:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


if __name__ == "__main__":
    main()
