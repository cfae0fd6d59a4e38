#!/usr/bin/env python3
"""Checks that `svpol compare --format csv` counts agree with `svpol extract` findings summed by
hand per group, on a whole corpus.

Usage: compare_agrees.py SVPOL CORPUS KEY...   (one extract run, one compare run per key)
"""
import collections
import csv
import io
import json
import subprocess
import sys


def main():
    svpol, corpus, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
    found = subprocess.run([svpol, "extract", "-j", "2", corpus], check=True,
                           capture_output=True, text=True).stdout
    findings = [json.loads(line) for line in found.splitlines()]
    bad = 0
    for key in keys:
        by_hand = collections.Counter()
        for f in findings:
            by_hand[(f["meta"].get(key) or "(none)", f["label"].lower() + "s")] += 1
        table = subprocess.run([svpol, "compare", "-j", "2", "--by", key, "--format", "csv", corpus],
                               check=True, capture_output=True, text=True).stdout
        groups, checked = set(), 0
        for row in csv.DictReader(io.StringIO(table)):
            groups.add(row["group"])
            if row["measure"] in ("commitments", "problems", "stakeholders"):
                checked += 1
                if int(row["value"]) != by_hand[(row["group"], row["measure"])]:
                    print("disagree:", key, row, by_hand[(row["group"], row["measure"])])
                    bad += 1
        print(f"--by {key}: {len(groups)} groups, {checked} counts checked")
        bad += checked == 0
    print(f"{len(findings)} findings")
    return 1 if bad or not findings else 0


if __name__ == "__main__":
    sys.exit(main())
