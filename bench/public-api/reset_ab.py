#!/usr/bin/env python3
"""Side experiment: Npgsql's connection reset on every pooled open, on and off (`No Reset On Close=true` in the
connection string, no code change). Uses the database bench/public-api/run.sh leaves behind (100,000 teams) and
alternates the two settings, restarting the app each time; prints the uncached medians of each round.
usage: python3 bench/public-api/reset_ab.py <checkout> "$(MIDWEST_PG_NAME=pg-publicbench build/pg.sh url postgres)" [rounds]"""
import statistics
import sys

import public_bench as pb

ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 2


def main():
    conn = ";".join(f"{k}={v}" for k, v in {**pb.PARTS, "Database": pb.DB}.items())
    base = dict(pb.os.environ, ASPNETCORE_ENVIRONMENT="Development", DOTNET_ENVIRONMENT="Development", ASPNETCORE_URLS=pb.BASE,
                PublicApi__RateLimit__PerMinute="0", Demo__Seed="false")
    ids = None
    results = {"reset (default)": [], "No Reset On Close=true": []}
    for _ in range(ROUNDS):
        for name, extra in (("reset (default)", ""), ("No Reset On Close=true", ";No Reset On Close=true")):
            app = pb.App(dict(base, ConnectionStrings__Postgres=conn + extra))
            try:
                app.start()
                ids = ids or pb.pick_ids(pb.Client())
                results[name].append(pb.uncached(ids, app))
            finally:
                app.stop()
                app.log.close()
    names = [n for n, _ in pb.endpoints(ids)]
    print(f"\n{ROUNDS} rounds each, {pb.UNCACHED} misses per endpoint and round; server medians in ms, median over rounds (each round)\n")
    print("| Endpoint | " + " | ".join(results) + " |")
    print("|---|" + "---:|" * len(results))
    for n in names:
        cells = []
        for runs in results.values():
            values = [r[n][0] for r in runs]
            cells.append(f"{statistics.median(values):.2f} ({', '.join(f'{v:.2f}' for v in values)})")
        print(f"| {n} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
