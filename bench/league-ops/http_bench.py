#!/usr/bin/env python3
"""End-to-end league operations through the HTTP API of a running app (build/run.sh):
a 20-team league is created, scheduled (preview and commit timed) and fully scored; then one result is
changed and the standings read back, many times. Prints medians and p95 in milliseconds.

usage: bench/league-ops/http_bench.py [base-url] [email] [password]   (defaults: http://127.0.0.1:5080, admin@example.org, Midwest-Demo-1)
"""
import json, statistics, sys, time, urllib.request, uuid, random

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5080"
EMAIL = sys.argv[2] if len(sys.argv) > 2 else "admin@example.org"
PASSWORD = sys.argv[3] if len(sys.argv) > 3 else "Midwest-Demo-1"
RUNS = 50


def call(method, path, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        text = response.read()
    return (time.perf_counter() - started) * 1000, (json.loads(text) if text else None)


def summary(name, samples):
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    print(f"| {name} | {statistics.median(samples):.1f} | {p95:.1f} | {samples[0]:.1f} | {len(samples)} |")


def main():
    _, login = call("POST", "/api/auth/login", {"email": EMAIL, "password": PASSWORD})
    token = login["accessToken"]
    _, cities = call("GET", "/api/cities", token=token)
    city = cities["items"][0]["id"] if isinstance(cities, dict) else cities[0]["id"]
    tag = uuid.uuid4().hex[:6]
    _, league = call("POST", "/api/leagues", {"name": f"Bench League {tag}", "sport": "Softball", "cityId": city, "seasonYear": 2030,
                                             "term": "Spring", "night": "Tuesday", "level": "Bench", "status": "Active"}, token)
    _, venue = call("POST", "/api/venues", {"cityId": city, "name": f"Bench Park {tag}", "address": "1 Bench St",
                                            "fields": ["Field 1", "Field 2", "Field 3", "Field 4", "Field 5"]}, token)
    for i in range(20):
        call("POST", "/api/teams", {"name": f"Bench Team {i:02}", "leagueId": league["id"], "sponsorId": None, "captainName": "Casey",
                                    "captainEmail": None, "captainPhone": None, "rosterSize": 12, "status": "Active"}, token)
    call("PUT", f"/api/leagues/{league['id']}/slots",
         [{"venueId": venue["id"], "field": f"Field {f}", "start": s, "durationMinutes": 60} for f in range(1, 6) for s in ("18:30", "19:30")], token)
    body = {"format": "Single", "startDate": "2030-03-05", "weeks": 21, "commit": False}
    previews = [call("POST", f"/api/leagues/{league['id']}/schedule", body, token)[0] for _ in range(10)]
    ms, committed = call("POST", f"/api/leagues/{league['id']}/schedule", {**body, "commit": True}, token)
    _, games = call("GET", f"/api/leagues/{league['id']}/games", token=token)
    rnd = random.Random(7)
    scoring = []
    for g in games:
        scoring.append(call("PUT", f"/api/games/{g['id']}/result", {"homeScore": rnd.randint(0, 15), "awayScore": rnd.randint(0, 15)}, token)[0])
    target = games[len(games) // 2]["id"]
    corrections, standings, both = [], [], []
    for i in range(RUNS):
        a, _ = call("PUT", f"/api/games/{target}/result", {"homeScore": i % 9, "awayScore": (i * 7) % 11, "reason": "benchmark correction"}, token)
        b, table = call("GET", f"/api/leagues/{league['id']}/standings", token=token)
        corrections.append(a)
        standings.append(b)
        both.append(a + b)
    print(f"League: 20 teams, {len(games)} games (committed: {committed['committed']}, unplaced: {len(committed['unplaced'])}), {len(table['rows'])} standings rows\n")
    print("| Request | median ms | p95 ms | min ms | n |")
    print("|---|---:|---:|---:|---:|")
    summary("POST schedule, preview (20 teams, 190 games)", previews)
    print(f"| POST schedule, commit (190 games inserted, audited) | {ms:.1f} | | | 1 |")
    summary("PUT result (first entry, 190 games)", scoring)
    summary("PUT result (correction with reason)", corrections)
    summary("GET standings (20 teams, 190 results)", standings)
    summary("correction + standings read back", both)


if __name__ == "__main__":
    main()
