#!/usr/bin/env python3
"""Quality gate: codes every gold input with the annalist binary, scores it with shared/tools/score.py and
fails when a figure falls below its floor in thresholds.json (floors sit a little under today's figures, so a
regression fails the suite and an improvement raises the floor in the same commit).

usage: check_gold.py ANNALIST_BINARY SHARED_DIR THRESHOLDS_JSON
"""
import json
import pathlib
import subprocess
import sys
import tempfile


def lookup(tree, parts):
    """The value at a dotted path; a key may itself hold dots ("events.accuracy.actor.country.accuracy")."""
    if not parts:
        return tree
    if not isinstance(tree, dict):
        return None
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in tree:
            found = lookup(tree[key], parts[n:])
            if found is not None:
                return found
    return None


def main() -> int:
    annalist, shared, thresholds_path = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    gold_dir = shared / "data" / "gold"
    if not gold_dir.is_dir():
        print(f"SKIP: no gold files at {gold_dir}")
        return 77  # ctest's SKIP_RETURN_CODE
    thresholds = json.loads(thresholds_path.read_text())
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for gold in sorted(gold_dir.glob("*.jsonl")):
            if gold.name.endswith(".input.jsonl"):
                continue
            name = gold.name[: -len(".jsonl")]
            inputs = gold_dir / f"{name}.input.jsonl"
            system = pathlib.Path(tmp) / f"{name}.jsonl"
            run = subprocess.run([annalist, "code", str(inputs), "--out", str(system), "--quiet"])
            if run.returncode != 0:
                failures.append(f"{name}: annalist exited with {run.returncode}")
                continue
            n_in = sum(1 for line in inputs.open(encoding="utf-8") if line.strip())
            n_out = sum(1 for _ in system.open(encoding="utf-8"))
            if n_in != n_out:
                failures.append(f"{name}: {n_in} articles in, {n_out} records out")
            scored = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(gold), str(system),
                                     "--json"], capture_output=True, text=True)
            if scored.returncode != 0:
                failures.append(f"{name}: the scorer refused the output: {scored.stderr.strip()}")
                continue
            figures = json.loads(scored.stdout)
            for path, floor in thresholds.get(name, {}).items():
                value = lookup(figures, path.split("."))
                status = "ok" if value is not None and value >= floor else "FAIL"
                print(f"{name:14} {path:28} {value if value is not None else 'n/a':>8} (floor {floor}) {status}")
                if status == "FAIL":
                    failures.append(f"{name}: {path} = {value}, below its floor {floor}")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
