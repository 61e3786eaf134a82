#!/usr/bin/env python3
"""Paired runs: two builds of sanxiang, the same commands, alternating, in one sitting.

    scripts/paired.py --before DIR --after DIR [--sizes 100000] [--rounds 12]

DIR holds a release `sanxiang` and `sanxiang-bench` (copy them aside before a change). Each
round runs every figure once with each build, in turns (which build goes first alternates), so
that both meet the same noise; the table gives each figure's median for both and their ratio
(after ÷ before). This is how a change that must keep speed is checked: a ratio within
0.95–1.05 is no change on this machine. The plans are generated with the *after* build's
generator into .build-bench/paired/.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build-bench", "paired")
TODAY = "2019-09-20"
SEEDS = ["Tests/Fixtures/seeds/000_de8e65a7f89fc84c.txt", "Tests/Fixtures/seeds/004_43629b3d952f3c87.txt"]


def run(cmd, cwd=None):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=cwd)
    wall = (time.perf_counter() - t0) * 1000
    if p.returncode != 0:
        raise SystemExit(f"paired: {' '.join(cmd)} exited {p.returncode}\n{p.stderr.decode(errors='replace')}")
    return wall, p.stdout


def figures(bindir, store, open_ids, k, presses):
    """One round of every figure with one build: name -> milliseconds."""
    sx = os.path.join(bindir, "sanxiang")
    bench = os.path.join(bindir, "sanxiang-bench")
    common = ["--store", store, "--today", TODAY]
    out = {}
    for name, args in [
        ("list --overdue json", ["list", "--overdue", "--format", "json"]),
        ("standup json", ["standup", "--format", "json"]),
        ("staffing", ["staffing"]),
        ("check", ["check"]),
        ("first frame (process)", ["tui", "--screen", "120x40"]),
    ]:
        out[name] = run([sx] + args + common)[0]
    copy = os.path.join(SCRATCH, "done-copy")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy)
    os.sync()
    out["done (fsync)"] = run([sx, "done", open_ids[(k * 97) % len(open_ids)], "--store", copy, "--today", TODAY])[0]
    shutil.rmtree(copy, ignore_errors=True)
    loads = json.loads(run([bench, "load", "--store", store, "--runs", "5"])[1])
    out["load, first (in-process)"] = float(loads["first_ms"])
    out["load, later (in-process)"] = float(loads["median_ms"])
    if presses:
        shm = tempfile.mkdtemp(prefix="sanxiang-paired-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
        try:
            s = os.path.join(shm, "store")
            shutil.copytree(store, s)
            d = json.loads(
                run([bench, "tui", "--store", s, "--today", TODAY, "--presses", str(presses), "--size", "120x40"])[1]
            )
        finally:
            shutil.rmtree(shm, ignore_errors=True)
        out["tui first frame (in-process)"] = float(d["first_frame_ms"])
        out["tui key p50"] = d["keys"]["p50_us"] / 1000
        out["tui key p99"] = d["keys"]["p99_us"] / 1000
        for kind, s in d["by_kind"].items():
            out[f"tui {kind} p50"] = s["p50_us"] / 1000
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--sizes", default="100000")
    ap.add_argument("--rounds", type=int, default=12)
    ap.add_argument("--presses", type=int, default=600, help="dashboard key presses per round (0: skip)")
    ap.add_argument("--json", help="also write the medians here")
    args = ap.parse_args()
    os.chdir(ROOT)
    builds = {"before": os.path.abspath(args.before), "after": os.path.abspath(args.after)}
    report = {}
    for n in [int(s) for s in args.sizes.split(",")]:
        store = os.path.join(SCRATCH, str(n))
        shutil.rmtree(store, ignore_errors=True)
        os.makedirs(SCRATCH, exist_ok=True)
        gen = os.path.join(builds["after"], "sanxiang-bench")
        run([gen, "generate", "--tasks", str(n), "--seed", "2019", "--into", store] + SEEDS)
        text = run([os.path.join(builds["before"], "sanxiang"), "list", "--status", "open", "--format", "csv",
                    "--store", store, "--today", TODAY])[1]
        open_ids = [line.split(",", 1)[0] for line in text.decode().splitlines()[1:]]
        samples = {"before": {}, "after": {}}
        for k in range(args.rounds):
            order = ["before", "after"] if k % 2 == 0 else ["after", "before"]
            for b in order:
                for name, ms in figures(builds[b], store, open_ids, k, args.presses).items():
                    samples[b].setdefault(name, []).append(ms)
            print(f"paired: {n} tasks, round {k + 1}/{args.rounds}", file=sys.stderr)
        print(f"\n{n} tasks, {args.rounds} rounds, medians in ms")
        print(f"{'figure':<32} {'before':>10} {'after':>10} {'after/before':>13}")
        rows = {}
        for name in samples["before"]:
            b = statistics.median(samples["before"][name])
            a = statistics.median(samples["after"][name])
            rows[name] = {"before_ms": round(b, 3), "after_ms": round(a, 3), "ratio": round(a / b, 3) if b else None}
            print(f"{name:<32} {b:>10.2f} {a:>10.2f} {a / b if b else float('nan'):>13.3f}")
        report[str(n)] = rows
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
