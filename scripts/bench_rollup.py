#!/usr/bin/env python3
"""The roll-up benchmark: a province's agencies read at once, against one store of as many tasks.

    scripts/bench_rollup.py                        # 300 agencies x 100 tasks, release build
    scripts/bench_rollup.py --count 30 --smoke     # a quick look that the harness works

Generates N agency stores (`sanxiang-bench agencies`: copies of one plan made from the seeds,
each at its own pace, with its own staffing and journal, one in ten quiet for weeks) and one
store holding all their tasks, units and journal entries, then times, each as a whole
process, `rollup DIR --format json` and `standup --format json` on the single store, in
turns so that both meet the same noise (medians of --runs rounds after one untimed run,
through GNU time for CPU time and peak RSS; see bench.py), and the 通报 written as .xlsx
(`rollup --format xlsx -o FILE`). Then the same for agencies whose plans differ (each county
writes its own: ids 1..N, measures of its own), at --differ counts (300 and 3,000), each
against one store of the same tasks, in the same run. Targets (issues 17 and 23): the roll-up
within 150 ms and within 2x the single store's stand-up, for copies of one plan and for
differing plans at both counts; the .xlsx 通报 within 2x the JSON roll-up. Writes
bench/rollup.json.
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import GNU_TIME, ROOT, SCRATCH, SEEDS, TODAY, fmt, machine, run_once  # noqa: E402


def timed(cmd):
    """Wall ms, CPU ms (user + system) and peak RSS in KiB of one run, through GNU time."""
    with tempfile.NamedTemporaryFile("r") as out:
        launch = [GNU_TIME, "-f", "%U %S %M", "-o", out.name] + cmd if GNU_TIME else cmd
        t0 = time.perf_counter()
        p = subprocess.run(launch, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        wall = (time.perf_counter() - t0) * 1000
        if p.returncode != 0:
            raise SystemExit(f"bench: {' '.join(cmd)} exited {p.returncode}\n{p.stderr.decode(errors='replace')}")
        fields = out.read().split() if GNU_TIME else ["0", "0", "0"]
    return wall, (float(fields[-3]) + float(fields[-2])) * 1000, int(fields[-1])


def interleaved(commands, runs):
    """Each command once untimed, then `runs` rounds running each in turn, so that all of
    them meet the same noise on a shared machine; medians, extremes, CPU and peak RSS."""
    for cmd in commands.values():
        timed(cmd)
    samples = {k: [] for k in commands}
    for _ in range(runs):
        for k, cmd in commands.items():
            samples[k].append(timed(cmd))
    out = {}
    for k, xs in samples.items():
        walls = [x[0] for x in xs]
        out[k] = {
            "median_ms": statistics.median(walls),
            "min_ms": min(walls),
            "max_ms": max(walls),
            "cpu_ms": statistics.median(x[1] for x in xs),
            "peak_rss_mib": max(x[2] for x in xs) / 1024,
            "runs": runs,
        }
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=300, help="agency stores")
    ap.add_argument("--tasks", type=int, default=100, help="tasks in each")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--config", default="release")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="few runs, to prove the harness works")
    ap.add_argument("--differ", default=None,
                    help="agency counts whose plans differ, comma-separated (default: COUNT and 10 x COUNT)")
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "rollup.json"))
    args = ap.parse_args()
    if args.smoke:
        args.runs = 2

    os.chdir(ROOT)
    if not args.no_build:
        for product in ["sanxiang", "sanxiang-bench"]:
            subprocess.run(["swift", "build", "-c", args.config, "--product", product], check=True)
    bindir = subprocess.run(
        ["swift", "build", "-c", args.config, "--show-bin-path"], check=True, capture_output=True, text=True
    ).stdout.strip()
    sx = os.path.join(bindir, "sanxiang")
    bench = os.path.join(bindir, "sanxiang-bench")

    base = os.path.join(SCRATCH, "agencies", f"{args.count}x{args.tasks}")
    stores, single = os.path.join(base, "stores"), os.path.join(base, "single")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    print(f"bench: generating {args.count} agencies x {args.tasks} tasks", file=sys.stderr)
    run_once([bench, "agencies", "--count", str(args.count), "--tasks", str(args.tasks), "--seed", str(args.seed),
              "--into", stores, "--single", single] + SEEDS)

    _, _, text = run_once([sx, "rollup", stores, "--format", "json", "--today", TODAY])
    report = json.loads(text)
    assert len(report["agencies"]) == args.count, "every agency is in the report"
    assert report["total"]["tasks"] == args.count * args.tasks
    # The single store is the same work: its stand-up finds what the roll-up adds up.
    _, _, text = run_once([sx, "standup", "--store", single, "--format", "json", "--today", TODAY])
    standup = json.loads(text)
    for key, section in [("overdue", "overdue"), ("due_soon", "due_soon"), ("waiting", "waiting"),
                         ("staffing_short_units", "staffing_shortfalls")]:
        assert report["total"][key] == len(standup[section]), key

    circular = os.path.join(base, "circular.xlsx")
    commands = {
        "rollup_json": [sx, "rollup", stores, "--format", "json", "--today", TODAY],
        "standup_json_single": [sx, "standup", "--store", single, "--format", "json", "--today", TODAY],
        "rollup_text": [sx, "rollup", stores, "--today", TODAY],
        "rollup_xlsx": [sx, "rollup", stores, "--format", "xlsx", "-o", circular, "--force", "--today", TODAY],
    }
    r = {
        "machine": machine(),
        "date": datetime.date.today().isoformat(),
        "config": args.config,
        "agencies": args.count,
        "tasks_each": args.tasks,
    }
    r.update(interleaved(commands, args.runs))
    ratio = r["rollup_json"]["median_ms"] / r["standup_json_single"]["median_ms"]
    r["ratio_rollup_to_single"] = ratio
    r["ratio_xlsx_to_json"] = r["rollup_xlsx"]["median_ms"] / r["rollup_json"]["median_ms"]
    # Plans that differ: the measures matrix has a row per agency's measure.
    counts = [int(c) for c in args.differ.split(",")] if args.differ else [args.count, 10 * args.count]
    r["differing_plans"] = []
    for n in counts:
        dbase = os.path.join(SCRATCH, "agencies", f"differ-{n}x{args.tasks}")
        dstores, dsingle = os.path.join(dbase, "stores"), os.path.join(dbase, "single")
        shutil.rmtree(dbase, ignore_errors=True)
        os.makedirs(dbase)
        print(f"bench: generating {n} agencies x {args.tasks} tasks, each its own plan", file=sys.stderr)
        run_once([bench, "agencies", "--count", str(n), "--tasks", str(args.tasks), "--seed", str(args.seed),
                  "--plans", "differ", "--into", dstores, "--single", dsingle] + SEEDS)
        _, _, text = run_once([sx, "rollup", dstores, "--format", "json", "--today", TODAY])
        report = json.loads(text)
        assert report["total"]["tasks"] == n * args.tasks
        d = interleaved({
            "rollup_json": [sx, "rollup", dstores, "--format", "json", "--today", TODAY],
            "standup_json_single": [sx, "standup", "--store", dsingle, "--format", "json", "--today", TODAY],
        }, args.runs)
        d["agencies"] = n
        d["measures"] = len(report["measures"])
        d["ratio_rollup_to_single"] = d["rollup_json"]["median_ms"] / d["standup_json_single"]["median_ms"]
        r["differing_plans"].append(d)
        shutil.rmtree(dbase, ignore_errors=True)
    # The roll-up dashboard's first frame, in-process (finding the stores, reading them, its
    # state and drawing it at 120x40): what opening `sanxiang rollup DIR` on a terminal waits for
    # besides starting the process.
    frames = []
    for _ in range(max(3, args.runs // 4)):
        _, _, text = run_once([bench, "rollup", stores])
        frames.append(float(json.loads(text)["first_frame_ms"]))
    r["dashboard_first_frame"] = {"median_ms": statistics.median(frames), "min_ms": min(frames),
                                  "max_ms": max(frames), "runs": len(frames)}
    n = args.count * args.tasks
    print(f"Machine: {r['machine']}. Build: {args.config}. Medians of {args.runs} runs in turns (min–max), ms;")
    print("CPU = user + system time of the process (median); peak RSS.")
    rows = [
        ("rollup_json", f"rollup --format json, {args.count} stores x {args.tasks} tasks"),
        ("rollup_text", "rollup (text report)"),
        ("standup_json_single", f"standup --format json, one store of {n} tasks"),
        ("rollup_xlsx", "rollup --format xlsx -o FILE (the 通报)"),
    ]
    for key, what in rows:
        m = r[key]
        print(f"  {what:<48} {fmt(m):>24}  CPU {m['cpu_ms']:6.1f}  {m['peak_rss_mib']:5.1f} MiB")
    print(f"  ratio {ratio:.2f}x (target <= 2x); roll-up {r['rollup_json']['median_ms']:.0f} ms (target <= 150 ms)")
    print(f"  the .xlsx 通报: {r['ratio_xlsx_to_json']:.2f}x the JSON roll-up (target <= 2x)")
    for d in r["differing_plans"]:
        print(f"  plans that differ, {d['agencies']} agencies ({d['measures']} measures): rollup {fmt(d['rollup_json'])}, "
              f"one store of the same tasks {fmt(d['standup_json_single'])}: {d['ratio_rollup_to_single']:.2f}x (target <= 2x)")
    f = r["dashboard_first_frame"]
    print(f"  roll-up dashboard's first frame, in-process: {f['median_ms']:.0f} ms ({f['min_ms']:.0f}–{f['max_ms']:.0f}; target <= 200 ms)")
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(r, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"written: {os.path.relpath(args.json, ROOT)}")


if __name__ == "__main__":
    main()
