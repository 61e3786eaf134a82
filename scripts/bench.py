#!/usr/bin/env python3
"""The benchmark: sanxiang against Taskwarrior and the CSV floor, side by side, in one run.

    scripts/bench.py                      # 1,000 / 10,000 / 100,000 tasks, peers included
    scripts/bench.py --sizes 1000 --smoke # what CI runs: quick, and it fails if anything breaks

Builds release binaries (unless --no-build), generates the plans with `sanxiang-bench
generate` into .build-bench/ (deterministic from --seed, never committed), then runs every
command several times as a separate process, taking wall time and the child's peak RSS
(through GNU time, see run_once). Prints one table and writes the figures as JSON (bench/results.json by default).
Ratios are what to quote: the machine is shared and noisy, so compare within one run.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build-bench")
TODAY = "2019-09-20"
SEEDS = ["Tests/Fixtures/seeds/000_de8e65a7f89fc84c.txt", "Tests/Fixtures/seeds/004_43629b3d952f3c87.txt"]
PY_CSV = (
    "import csv,sys,time\n"
    "t=time.perf_counter()\n"
    "n=sum(1 for _ in csv.reader(open(sys.argv[1],newline='',encoding='utf-8')))\n"
    "print(n, (time.perf_counter()-t)*1000)\n"
)


# A child's peak RSS counts the memory of the process that forked it (Linux keeps the larger
# of the two across exec), so a child of this Python process would never show less than this
# harness's own peak. GNU time, small itself, starts the commands and reports their peak.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd, env=None, cwd=None):
    """Wall seconds, peak RSS in KiB, exit status and stdout of one child process."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss:
        launch = [GNU_TIME, "-f", "%M", "-o", rss.name] + cmd if GNU_TIME else cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(launch, stdout=out, stderr=subprocess.PIPE, env=env, cwd=cwd, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
        peak = int(rss.read().split()[-1]) if GNU_TIME and p.returncode == 0 else usage.ru_maxrss
    if p.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} exited {p.returncode}\n{err}")
    return wall, peak, text


def measure(cmd, runs, env=None, setup=None):
    """Runs `cmd` `runs` times (after `setup(k)`, untimed, which may return the command).
    A fixed command runs once first, untimed, as hyperfine's --warmup does: each figure then
    starts from the same page cache, whatever ran before it."""
    walls, rss = [], []
    if setup is None:
        run_once(cmd, env=env)
    for k in range(runs):
        c = setup(k) if setup else cmd
        w, r, _ = run_once(c, env=env)
        walls.append(w)
        rss.append(r)
    return {
        "median_ms": statistics.median(walls) * 1000,
        "min_ms": min(walls) * 1000,
        "max_ms": max(walls) * 1000,
        "peak_rss_mib": max(rss) / 1024,
        "runs": runs,
    }


def fmt(m):
    if m is None:
        return "—"
    return f"{m['median_ms']:.1f} ({m['min_ms']:.1f}–{m['max_ms']:.1f})"


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        mem = f"{int(f.readline().split()[1]) // (1024 * 1024)} GiB"
    return f"{os.cpu_count()} cores ({cpu}), {mem}, Linux {platform.release()}, ext4 disk; shared with other work"


class Taskwarrior:
    """Debian's `task`, in a throwaway TASKRC/TASKDATA, fed the same tasks once per plan."""

    def __init__(self, size, store, sanxiang):
        self.base = os.path.join(SCRATCH, "task", str(size))
        self.rc = os.path.join(self.base, "taskrc")
        self.data = os.path.join(self.base, "data")
        digest = hashlib.sha256(open(os.path.join(store, "tasks.csv"), "rb").read()).hexdigest()
        # The plan's dates are in 2019 and Taskwarrior reads the real clock: shift every date
        # by the same number of days so that the same tasks are overdue as on --today.
        self.shift = (datetime.date.today() - datetime.date.fromisoformat(TODAY)).days
        marker = os.path.join(self.base, "imported")
        if os.path.exists(marker) and open(marker).read() == f"{digest} {self.shift}":
            return
        shutil.rmtree(self.base, ignore_errors=True)
        os.makedirs(self.data)
        self.write_rc(self.rc, self.data)
        _, _, text = run_once([sanxiang, "list", "--format", "json", "--store", store, "--today", TODAY])
        tasks = json.loads(text)["tasks"]
        items = []
        for t in tasks:
            item = {
                "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"sanxiang:{size}:{t['id']}")),
                "description": t["measure"],
                "project": t["group"],
                "entry": "20190820T000000Z",
                "status": "completed" if t["status"] == "done" else "pending",
            }
            if t["deadline"]["due"]:
                item["due"] = self.date(t["deadline"]["due"])
            if t["status"] == "done":
                item["end"] = self.date(t["completed_on"] or "2019-09-01")
            items.append(item)
        path = os.path.join(self.base, "import.json")
        with open(path, "w") as f:
            json.dump(items, f, ensure_ascii=False)
        t0 = time.perf_counter()
        run_once(["task", "import", path], env=self.env())
        # The first report moves completed tasks out of pending.data; do it before timing.
        run_once(["task", "count"], env=self.env())
        print(f"  taskwarrior: imported {len(items)} tasks in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        with open(marker, "w") as f:
            f.write(f"{digest} {self.shift}")

    def date(self, iso):
        d = datetime.date.fromisoformat(iso) + datetime.timedelta(days=self.shift)
        return d.strftime("%Y%m%dT120000Z")

    @staticmethod
    def write_rc(rc, data):
        with open(rc, "w") as f:
            f.write(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=2.6.2\n")

    def env(self, rc=None):
        e = dict(os.environ)
        e["TASKRC"] = rc or self.rc
        return e

    def pending_ids(self):
        _, _, text = run_once(["task", "status:pending", "count"], env=self.env())
        return int(text.decode().strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=5, help="runs per figure (medians are quoted)")
    ap.add_argument("--peer-runs", type=int, default=3, help="runs per Taskwarrior figure at 100,000 tasks")
    ap.add_argument("--presses", type=int, default=1200, help="key presses for the dashboard figures")
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--config", default="release", help="swift build configuration (CI uses debug)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--bin", help="take the binaries from this folder instead (implies --no-build)")
    ap.add_argument("--no-peers", action="store_true", help="skip Taskwarrior")
    ap.add_argument("--smoke", action="store_true", help="few runs, to prove the harness works")
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results.json"))
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.smoke:
        args.runs, args.peer_runs, args.presses = 2, 1, 1000

    os.chdir(ROOT)
    if not args.no_build and not args.bin:
        for product in ["sanxiang", "sanxiang-bench"]:
            subprocess.run(["swift", "build", "-c", args.config, "--product", product], check=True)
    bindir = os.path.abspath(args.bin) if args.bin else subprocess.run(
        ["swift", "build", "-c", args.config, "--show-bin-path"], check=True, capture_output=True, text=True
    ).stdout.strip()
    sx = os.path.join(bindir, "sanxiang")
    bench = os.path.join(bindir, "sanxiang-bench")
    have_task = shutil.which("task") is not None and not args.no_peers

    results = {"machine": machine(), "date": datetime.date.today().isoformat(), "config": args.config, "sizes": {}}
    rows = []
    os.makedirs(os.path.join(SCRATCH, "stores"), exist_ok=True)
    for n in sizes:
        print(f"bench: {n} tasks", file=sys.stderr)
        store = os.path.join(SCRATCH, "stores", str(n))
        shutil.rmtree(store, ignore_errors=True)
        run_once([bench, "generate", "--tasks", str(n), "--seed", str(args.seed), "--into", store] + SEEDS)
        csv_path = os.path.join(store, "tasks.csv")
        csv_bytes = os.path.getsize(csv_path)
        common = ["--store", store, "--today", TODAY]
        r = {"tasks": n, "tasks_csv_bytes": csv_bytes}
        runs = args.runs
        r["list_overdue_json"] = measure([sx, "list", "--overdue", "--format", "json"] + common, runs)
        r["standup_json"] = measure([sx, "standup", "--format", "json"] + common, runs)
        r["staffing"] = measure([sx, "staffing"] + common, runs)
        r["check"] = measure([sx, "check"] + common, runs)
        r["first_frame_process"] = measure([sx, "tui", "--screen", "120x40"] + common, runs)

        # `done` on a fresh copy each run (the copy is not timed), a different open task each time.
        _, _, text = run_once([sx, "list", "--status", "open", "--format", "csv"] + common)
        open_ids = [line.split(",", 1)[0] for line in text.decode().splitlines()[1:]]
        copy = os.path.join(SCRATCH, "done-copy")

        def fresh(k):
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(store, copy)
            os.sync()
            return [sx, "done", open_ids[(k * 97) % len(open_ids)], "--store", copy, "--today", TODAY, "--as", "bench"]

        r["done_fsync"] = measure(None, runs, setup=fresh)
        shutil.rmtree(copy, ignore_errors=True)

        # The floor: reading the bytes, and Python's C csv reader parsing them.
        r["cat"] = measure(["cat", csv_path], runs)
        r["python_startup"] = measure([sys.executable, "-S", "-c", "pass"], runs)
        r["python_csv"] = measure([sys.executable, "-c", PY_CSV, csv_path], runs)
        # Python's parse and sanxiang's load, in turns and in as many processes each, so that
        # both meet the same noise; a process's first load is what a command pays.
        parse, firsts, laters = [], [], []
        for _ in range(runs):
            _, _, text = run_once([sys.executable, "-c", PY_CSV, csv_path])
            parse.append(float(text.split()[1]))
            _, _, text = run_once([bench, "load", "--store", store, "--runs", str(runs)])
            loads = json.loads(text)
            firsts.append(float(loads["first_ms"]))
            laters.append(float(loads["median_ms"]))
        r["python_csv_parse_ms"] = statistics.median(parse)
        r["load_in_process"] = {
            "tasks": loads["tasks"],
            "processes": runs,
            "first_ms": str(statistics.median(firsts)),
            "median_ms": str(statistics.median(laters)),
            "min_ms": str(min(firsts)),
            "max_ms": str(max(firsts)),
        }

        if have_task:
            tw = Taskwarrior(n, store, sx)
            prs = args.peer_runs if n >= 100000 else runs
            r["task_overdue"] = measure(["task", "overdue"], prs, env=tw.env())
            r["task_count"] = measure(["task", "count"], prs, env=tw.env())
            pending = tw.pending_ids()
            tcopy = os.path.join(SCRATCH, "task-copy")

            def fresh_task(k):
                shutil.rmtree(tcopy, ignore_errors=True)
                shutil.copytree(tw.data, os.path.join(tcopy, "data"))
                Taskwarrior.write_rc(os.path.join(tcopy, "taskrc"), os.path.join(tcopy, "data"))
                os.sync()
                return ["task", str(1 + (k * 97) % pending), "done"]

            env = tw.env(os.path.join(tcopy, "taskrc"))
            r["task_done"] = measure(None, prs, env=env, setup=fresh_task)
            shutil.rmtree(tcopy, ignore_errors=True)
        results["sizes"][str(n)] = r

    # The dashboard, in-process, at the largest size: on tmpfs, so that marking done does
    # its work (merge, journal, rewrite) without waiting for the disk's fsync.
    n = max(sizes)
    shm = tempfile.mkdtemp(prefix="sanxiang-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    try:
        store = os.path.join(shm, "store")
        shutil.copytree(os.path.join(SCRATCH, "stores", str(n)), store)
        _, _, text = run_once(
            [bench, "tui", "--store", store, "--today", TODAY, "--presses", str(args.presses), "--size", "120x40"]
        )
        results["dashboard"] = json.loads(text)
    finally:
        shutil.rmtree(shm, ignore_errors=True)

    report(results, sizes)
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(results, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"\nwritten: {os.path.relpath(args.json, ROOT)}")


def ratio(a, b):
    if a is None or b is None or a["median_ms"] == 0:
        return "—"
    return f"{b['median_ms'] / a['median_ms']:.1f}×"


def report(results, sizes):
    print(f"Machine: {results['machine']}. Build: {results['config']}. Medians of N runs (min–max), ms.")
    head = f"{'tasks':>7}  {'what':<30} {'sanxiang':>24} {'RSS MiB':>8}  {'peer':<26} {'peer time':>24} {'RSS MiB':>8} {'peer/sx':>8}"
    print()
    print(head)
    print("-" * len(head))
    for n in sizes:
        r = results["sizes"][str(n)]

        def row(what, ours, peer_name="", peer=None):
            peer_rss = f"{peer['peak_rss_mib']:.1f}" if peer else "—"
            print(
                f"{n:>7}  {what:<30} {fmt(ours):>24} {ours['peak_rss_mib']:>8.1f}  {peer_name:<26} {fmt(peer):>24} "
                f"{peer_rss:>8} {ratio(ours, peer):>8}"
            )

        row("list --overdue --format json", r["list_overdue_json"], "task overdue", r.get("task_overdue"))
        row("standup --format json", r["standup_json"])
        row("staffing", r["staffing"])
        row("check", r["check"], "task count", r.get("task_count"))
        row("check (load)", r["check"], "python csv.reader", r["python_csv"])
        row("done ID (fsync)", r["done_fsync"], "task ID done", r.get("task_done"))
        row("tui first frame (process)", r["first_frame_process"])
        li = r["load_in_process"]
        print(
            f"{n:>7}  {'':<30} load in-process {float(li['first_ms']):.1f} ms (later loads {float(li['median_ms']):.1f}) "
            f"vs Python csv parse {r['python_csv_parse_ms']:.1f} ms (×{float(li['first_ms']) / r['python_csv_parse_ms']:.2f}); "
            f"cat {r['cat']['median_ms']:.1f} ms; tasks.csv {r['tasks_csv_bytes'] / 2**20:.1f} MiB, "
            f"check peak RSS {r['check']['peak_rss_mib'] / (r['tasks_csv_bytes'] / 2**20):.1f}× its size"
        )
    d = results["dashboard"]
    print()
    print(
        f"Dashboard at {d['tasks']} tasks ({d['size']}, in-process, tmpfs): first frame {float(d['first_frame_ms']):.1f} ms "
        f"(open {float(d['open_ms']):.1f}, state {float(d['state_ms']):.1f}, render {float(d['render_ms']):.1f}); "
        f"key to frame over {d['keys']['count']} keys: p50 {d['keys']['p50_us'] / 1000:.2f} ms, "
        f"p99 {d['keys']['p99_us'] / 1000:.2f} ms"
    )
    w = d["keys_without_saves"]
    print(f"    (without the saves: p50 {w['p50_us'] / 1000:.2f} ms, p99 {w['p99_us'] / 1000:.2f} ms)")
    for kind, s in d["by_kind"].items():
        print(f"    {kind:<18} n={s['count']:<5} p50 {s['p50_us'] / 1000:7.2f} ms  p99 {s['p99_us'] / 1000:7.2f} ms")


if __name__ == "__main__":
    main()
