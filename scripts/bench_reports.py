#!/usr/bin/env python3
"""The reports' benchmark: what a coordinator waits for when the files go upward.

    scripts/bench_reports.py                     # release build, 20 runs each
    scripts/bench_reports.py --smoke --config debug --no-build

Times, each as a whole process and in turns (medians after one untimed run, through GNU time
for CPU and peak RSS; see bench.py), on the sample plan: `report --format xlsx -o FILE` (the
ledger, libxlsxwriter loaded for it), `report --format docx -o FILE` (the report, libzip
loaded for it), `report` as text, and `standup` beside them; and counts the shared libraries
each process starts (LD_DEBUG=libs), which is what loading the writers only when a report
needs them keeps off every other command. Target (issue 23): the ledger and the report of the
sample plan within 30 ms each. With --before BIN (a build without the writers), `--version`
and `standup` are timed with both builds in turns: what the writers cost the commands that do
not write a report. Writes bench/reports.json.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import ROOT, TODAY, fmt, machine  # noqa: E402
from bench_rollup import interleaved  # noqa: E402


def libraries(cmd):
    """The shared objects a run initialises, by name, as the dynamic loader reports them."""
    env = dict(os.environ, LD_DEBUG="libs")
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    names = set()
    for line in p.stderr.splitlines():
        if "calling init:" in line:
            names.add(os.path.basename(line.split("calling init:")[1].strip()))
    return sorted(names)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--config", default="release")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="few runs, to prove the harness works")
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "reports.json"))
    ap.add_argument("--before", help="a sanxiang built before the writers, for the start-up comparison")
    args = ap.parse_args()
    if args.smoke:
        args.runs = 2
    os.chdir(ROOT)
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", args.config, "--product", "sanxiang"], check=True)
    bindir = subprocess.run(
        ["swift", "build", "-c", args.config, "--show-bin-path"], check=True, capture_output=True, text=True
    ).stdout.strip()
    sx = os.path.join(bindir, "sanxiang")
    store = ["--store", os.path.join(ROOT, "sample-data"), "--today", TODAY, "--lang", "zh"]
    out = tempfile.mkdtemp(prefix="sanxiang-bench-reports-")
    commands = {
        "report_xlsx": [sx, "report", "--format", "xlsx", "-o", os.path.join(out, "l.xlsx"), "--force"] + store,
        "report_docx": [sx, "report", "--format", "docx", "-o", os.path.join(out, "r.docx"), "--force"] + store,
        "report_text": [sx, "report"] + store,
        "standup": [sx, "standup"] + store,
    }
    r = {"machine": machine(), "date": datetime.date.today().isoformat(), "config": args.config,
         "binary_bytes": os.path.getsize(sx)}
    r.update(interleaved(commands, args.runs))
    r["libraries"] = {k: libraries(cmd) for k, cmd in commands.items()}
    if args.before:
        pairs = {}
        for name, rest in [("version", ["--version"]), ("standup", ["standup"] + store)]:
            pairs[f"{name}_before"] = [args.before] + rest
            pairs[f"{name}_after"] = [sx] + rest
        r["startup"] = interleaved(pairs, args.runs)
        r["startup"]["binary_bytes_before"] = os.path.getsize(args.before)
    print(f"Machine: {r['machine']}. Build: {args.config}. Medians of {args.runs} runs in turns (min–max), ms.")
    for key, what in [
        ("report_xlsx", "report --format xlsx -o FILE (the ledger)"),
        ("report_docx", "report --format docx -o FILE (the report)"),
        ("report_text", "report (text)"),
        ("standup", "standup"),
    ]:
        m = r[key]
        print(f"  {what:<44} {fmt(m):>22}  CPU {m['cpu_ms']:5.1f}  {m['peak_rss_mib']:5.1f} MiB  "
              f"{len(r['libraries'][key])} libraries")
    extra = sorted(set(r["libraries"]["report_xlsx"]) - set(r["libraries"]["standup"]))
    print(f"  loaded only for the ledger: {', '.join(extra) or 'nothing'}")
    extra = sorted(set(r["libraries"]["report_docx"]) - set(r["libraries"]["standup"]))
    print(f"  loaded only for the report: {', '.join(extra) or 'nothing'}")
    print(f"  binary: {r['binary_bytes'] / 1e6:.1f} MB; targets: ledger and report <= 30 ms")
    if args.before:
        s = r["startup"]
        for name in ["version", "standup"]:
            b, a = s[f"{name}_before"], s[f"{name}_after"]
            print(f"  {name}: before {fmt(b)}, after {fmt(a)}: {a['median_ms'] / b['median_ms']:.2f}x")
        print(f"  binary before: {s['binary_bytes_before'] / 1e6:.1f} MB")
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(r, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"written: {os.path.relpath(args.json, ROOT)}")


if __name__ == "__main__":
    main()
