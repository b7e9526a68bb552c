#!/usr/bin/env python3
"""Sums the <Counters> of every TRX file under a folder and prints 'N passed, N failed, N skipped'.
Exits 1 when no test ran (no TRX, or zero executed), so CI never passes on an empty run."""
import pathlib
import sys
import xml.etree.ElementTree as ET

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "TestResults")
totals = {"passed": 0, "failed": 0, "skipped": 0}
files = list(folder.rglob("*.trx"))
for trx in files:
    counters = ET.parse(trx).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    a = counters.attrib
    totals["passed"] += int(a.get("passed", 0))
    totals["failed"] += int(a.get("failed", 0)) + int(a.get("error", 0)) + int(a.get("timeout", 0)) + int(a.get("aborted", 0))
    totals["skipped"] += int(a.get("notExecuted", 0)) + int(a.get("inconclusive", 0))

print(f"{totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
sys.exit(0 if files and totals["passed"] + totals["failed"] > 0 else 1)
