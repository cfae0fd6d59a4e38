#!/usr/bin/env python3
"""Checks that `svpol compare --format csv` counts agree with `svpol extract` findings summed by
hand per group, on a whole corpus.

Usage: compare_agrees.py SVPOL CORPUS KEY
"""
import collections
import csv
import io
import json
import subprocess
import sys


def main():
    svpol, corpus, key = sys.argv[1:4]
    found = subprocess.run([svpol, "extract", "-j", "2", corpus], check=True,
                           capture_output=True, text=True).stdout
    by_hand = collections.Counter()
    for line in found.splitlines():
        f = json.loads(line)
        group = f["meta"].get(key) or "(none)"
        by_hand[(group, f["label"].lower() + "s")] += 1
    table = subprocess.run([svpol, "compare", "-j", "2", "--by", key, "--format", "csv", corpus],
                           check=True, capture_output=True, text=True).stdout
    groups, checked, bad = set(), 0, 0
    for row in csv.DictReader(io.StringIO(table)):
        groups.add(row["group"])
        if row["measure"] in ("commitments", "problems", "stakeholders"):
            checked += 1
            if int(row["value"]) != by_hand[(row["group"], row["measure"])]:
                print("disagree:", row, by_hand[(row["group"], row["measure"])])
                bad += 1
    total = sum(by_hand.values())
    print(f"{len(groups)} groups, {checked} counts checked, {total} findings")
    return 1 if bad or checked == 0 or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
