#!/usr/bin/env python3
"""Coverage of the event coder on NGEC's synthetic stories (issue 7's coverage check).

Each story in ../shared/data/ngec/gpt_synthetic_events_*.csv is machine-written and labelled with one PLOVER
type. For every type this prints the share of its stories in which annalist finds an event of that type
(recall) and the share of stories where it finds events but only of other types (wrong-only).

  tests/quality/ngec_coverage.py [--binary build/annalist] [--limit N] [--show TYPE]

Development tool: it reads ../shared (test data), never part of the product.
"""
import argparse, collections, csv, glob, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "annalist"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--limit", type=int, default=0, help="stories per type (0: all)")
    ap.add_argument("--show", help="print the stories of this type that were missed")
    args = ap.parse_args()
    path = sorted(glob.glob(os.path.join(args.shared, "data/ngec/gpt_synthetic_events_*.csv")))[0]
    stories, per_type = [], collections.Counter()
    for row in csv.DictReader(open(path, encoding="utf-8")):
        if args.limit and per_type[row["label"]] >= args.limit:
            continue
        per_type[row["label"]] += 1
        stories.append(row)
    lines = "".join(json.dumps({"id": f"s{i}", "date": "2023-06-01", "text": r["text"]}) + "\n"
                    for i, r in enumerate(stories))
    out = subprocess.run([args.binary, "code", "-", "--quiet"], input=lines.encode(), capture_output=True,
                         check=True).stdout.decode().splitlines()
    found = [set(e["type"] for e in json.loads(l).get("events", [])) for l in out]
    hit, wrong = collections.Counter(), collections.Counter()
    print(f"{'type':10} {'stories':>7} {'recall':>7} {'wrong-only':>10}")
    for r, types in zip(stories, found):
        if r["label"] in types:
            hit[r["label"]] += 1
        elif types:
            wrong[r["label"]] += 1
        if args.show == r["label"] and r["label"] not in types:
            print("MISS", sorted(types), r["text"][:300].replace("\n", " "), file=sys.stderr)
    for t in sorted(per_type):
        print(f"{t:10} {per_type[t]:7} {hit[t] / per_type[t]:7.2f} {wrong[t] / per_type[t]:10.2f}")
    n = sum(per_type.values())
    print(f"{'all':10} {n:7} {sum(hit.values()) / n:7.2f} {sum(wrong.values()) / n:10.2f}")


if __name__ == "__main__":
    main()
