#!/usr/bin/env python3
"""Telemetry overhead on the public API; run through bench/telemetry/run.sh, which starts PostgreSQL and builds the app."""
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time

APP, CONN = sys.argv[1], sys.argv[2]
DLL = os.path.join(APP, "src/Host/MidwestSports.Host/bin/Release/net10.0/MidwestSports.Host.dll")
PORT = int(os.environ.get("BENCH_PORT", "5191"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SECONDS = os.environ.get("BENCH_SECONDS", "5")
CONNECTIONS = 64
BASE = f"http://127.0.0.1:{PORT}"
DB = "telemetry_bench"
PARTS = dict(p.split("=", 1) for p in CONN.split(";"))
SETUPS = [
    ("telemetry off (Telemetry__Enabled=false)", {"Telemetry__Enabled": "false"}),
    ("metrics (the default)", {}),
    ("metrics + traces, 100% sampled, OTLP", {"Telemetry__Tracing__Enabled": "true", "Telemetry__Otlp__Endpoint": "http://127.0.0.1:9"}),
]


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def psql(sql):
    env = dict(os.environ, PGPASSWORD=PARTS["Password"])
    args = ["psql", "-h", PARTS["Host"], "-p", PARTS["Port"], "-U", PARTS["Username"], "-d", "postgres", "-qAt", "-v", "ON_ERROR_STOP=1", "-c", sql]
    subprocess.run(args, env=env, capture_output=True, text=True, check=True)


def get(path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    return response.status, response.read(), response.getheader("ETag")


APP_LOG = open(f"/tmp/telemetry-bench-{os.getpid()}.log", "a")


def start(env):
    proc = subprocess.Popen(["dotnet", DLL], env=env, cwd=os.path.dirname(DLL), stdout=APP_LOG, stderr=subprocess.STDOUT)
    started = time.time()
    while time.time() - started < 600:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited ({proc.returncode}); see /tmp/telemetry-bench-{os.getpid()}.log")
        try:
            if get("/health/live")[0] == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("the app did not start")


def cpu_seconds(pid):
    """User + system CPU time of the app so far: per request, it is what telemetry costs, whatever else loads the machine."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(path, etag=None, pid=None):
    before = cpu_seconds(pid) if pid else 0.0
    cmd = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency"] + (["-H", f"If-None-Match: {etag}"] if etag else [])
    out = subprocess.run(cmd + [BASE + path], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def ms(label):
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value = float(m.group(1))
        return value / 1000 if m.group(2) == "us" else value * 1000 if m.group(2) == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    bad = (int(errors.group(1)) if errors else 0) + (sum(int(x) for x in socket.groups()) if socket else 0)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    cpu_us = (cpu_seconds(pid) - before) / requests * 1e6 if pid and requests else float("nan")
    return rps, ms("50"), ms("99"), bad, cpu_us


def main():
    psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    psql(f"CREATE DATABASE {DB}")
    conn = ";".join(f"{k}={v}" for k, v in {**PARTS, "Database": DB}.items())
    env = dict(os.environ, ConnectionStrings__Postgres=conn, ASPNETCORE_ENVIRONMENT="Development", DOTNET_ENVIRONMENT="Development",
               ASPNETCORE_URLS=BASE, PublicApi__RateLimit__PerMinute="0", Hangfire__Enabled="false")
    commit = subprocess.run(["git", "-C", APP, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()
    print(f"\nTelemetry overhead, {APP} at {commit}, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, "
          f"load average at start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}\n")
    results = {(name, endpoint): [] for name, _ in SETUPS for endpoint in ("cached", "304")}
    for round_ in range(RUNS):
        for name, extra in SETUPS:
            log(f"round {round_ + 1}: {name}")
            proc = start(dict(env, **extra))
            try:
                status, _, etag = get("/public/v1/cities")
                assert status == 200 and etag, (status, etag)
                assert get("/public/v1/cities", {"If-None-Match": etag})[0] == 304
                wrk("/public/v1/cities")  # warm-up: JIT tier-up, pools
                results[(name, "cached")].append(wrk("/public/v1/cities", pid=proc.pid))
                results[(name, "304")].append(wrk("/public/v1/cities", etag, pid=proc.pid))
            except subprocess.CalledProcessError as failed:
                raise RuntimeError(f"wrk failed ({failed.stdout} {failed.stderr}); the app {'exited with ' + str(proc.returncode) if proc.poll() is not None else 'still runs'}; see {APP_LOG.name}")
            finally:
                proc.terminate()
                proc.wait(timeout=60)
    base = {e: statistics.median(r[0] for r in results[(SETUPS[0][0], e)]) for e in ("cached", "304")}
    base_cpu = {e: statistics.median(r[4] for r in results[(SETUPS[0][0], e)]) for e in ("cached", "304")}
    print(f"| Set-up | Endpoint (wrk 2 threads x {CONNECTIONS} connections x {SECONDS} s, {RUNS} rounds) | req/s median (min-max) | p50 ms | p99 ms median (max) | errors | vs off | app CPU µs/request median (min-max) | CPU vs off |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, _ in SETUPS:
        for endpoint, label in (("cached", "GET /public/v1/cities (cached, 200)"), ("304", "same, If-None-Match (304)")):
            runs = results[(name, endpoint)]
            rps = statistics.median(r[0] for r in runs)
            print(f"| {name} | {label} | {rps:,.0f} ({min(r[0] for r in runs):,.0f}-{max(r[0] for r in runs):,.0f}) | {statistics.median(r[1] for r in runs):.2f} "
                  f"| {statistics.median(r[2] for r in runs):.2f} ({max(r[2] for r in runs):.2f}) | {sum(r[3] for r in runs)} | {rps / base[endpoint] * 100:.0f}% "
                  f"| {statistics.median(r[4] for r in runs):.0f} ({min(r[4] for r in runs):.0f}-{max(r[4] for r in runs):.0f}) | {statistics.median(r[4] for r in runs) - base_cpu[endpoint]:+.0f} µs |")
    load = os.getloadavg()
    print(f"\nLoad average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")


if __name__ == "__main__":
    main()
