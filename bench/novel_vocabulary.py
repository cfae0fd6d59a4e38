#!/usr/bin/env python3
"""Writes a JSONL corpus of about MB megabytes from the documents of the given JSONL corpora,
with a share of the words made new: a memory test for vocabularies larger than svpol's caches.

    bench/novel_vocabulary.py --mb 150 --rate 0.15 OUT.jsonl ../shared/corpora/*.jsonl
    /usr/bin/time -f '%M kB' build/bin/svpol extract -j 2 OUT.jsonl >/dev/null

svpol_bench repeats the dev corpora, whose 54,000 distinct tokens all fit svpol's caches, so
its peak RSS at 1 GB says nothing of a corpus whose vocabulary keeps growing. Here each lower-case
word of four letters or more is, with probability RATE, given three random letters before its
last two (`förslag` -> `förslkvdag`): at 0.15 most of these forms are met once, far more new
forms than real text has, so that the analyser's and the matcher's caches fill and are dropped
again and again. The documents get new ids; their metadata is kept. Same seed, same corpus.
"""
import argparse
import json
import random
import re

LETTERS = "abcdefghijklmnoprstuvåäö"
WORD = re.compile(r"\b([a-zåäö]{4,})\b")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=100, help="size of the corpus written (MB)")
    ap.add_argument("--rate", type=float, default=0.15, help="share of words made new")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    ap.add_argument("corpora", nargs="+")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = []
    for path in args.corpora:
        with open(path, encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f if line.strip())
    if not docs:
        raise SystemExit("novel_vocabulary.py: no documents")

    def new_form(m):
        w = m.group(1)
        if rng.random() >= args.rate:
            return w
        return w[:-2] + "".join(rng.choice(LETTERS) for _ in range(3)) + w[-2:]

    target, written, i = args.mb * 1e6, 0, 0
    with open(args.out, "w", encoding="utf-8") as out:
        while written < target:
            d = dict(docs[i % len(docs)])
            i += 1
            d["id"] = f"{d.get('id', 'doc')}-{i}"
            d["text"] = WORD.sub(new_form, d.get("text", ""))
            line = json.dumps(d, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))


if __name__ == "__main__":
    main()
