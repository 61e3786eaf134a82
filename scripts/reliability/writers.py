#!/usr/bin/env python3
"""Two (and four) writers at once, a reader polling all the while, and stale locks.

Each writer is a loop of real `sanxiang note` commands with texts no one else writes, so
every record can be traced: none may be lost, none journaled twice, the final state must
equal a replay of the journal, and a writer that collides on the same task is told so
(exit 75) rather than overwriting. A reader polls the files every 10 ms and must never see a
half-written one.

    scripts/reliability/writers.py            # 2 × 1,000 and 4 × 500 marks, different and same tasks
    scripts/reliability/writers.py --quick    # the short run CI does

Prints one table; a full run writes bench/reliability-writers.json.
"""

import argparse
import csv
import io
import json
import os
import subprocess
import tempfile
import threading
import time

from common import binary, clean_env, main_guard, report, scratch_store
from store import journal, replay, tasks

IDS = [str(i) for i in range(1, 36)]


def writer(bin_, store, name, ids, marks, results):
    done, conflicts, other = [], 0, []
    for k in range(marks):
        tid = ids[k % len(ids)]
        text = f"{name}-{k}"
        r = subprocess.run([bin_, "--store", store, "--as", name, "note", tid, text], capture_output=True, text=True,
                           env=clean_env(SANXIANG_LOCK_TIMEOUT_MS="20000"))
        if r.returncode == 0:
            done.append((tid, text))
        elif r.returncode == 75:
            conflicts += 1
        else:
            other.append(f"exit {r.returncode}: {r.stderr.strip()}")
    results[name] = (done, conflicts, other)


class Reader(threading.Thread):
    """Reads the store every 10 ms; counts any file it finds half-written."""

    def __init__(self, store):
        super().__init__(daemon=True)
        self.store, self.stop, self.reads, self.half = store, False, 0, 0
        self.header = open(os.path.join(store, "tasks.csv"), encoding="utf-8").readline()

    def run(self):
        while not self.stop:
            self.reads += 1
            try:
                data = open(os.path.join(self.store, "tasks.csv"), "rb").read().decode("utf-8")
                rows = list(csv.reader(io.StringIO(data)))
                if len(rows) != 36 or any(len(r) != len(rows[0]) for r in rows) or not data.endswith("\n"):
                    self.half += 1
                staffing = open(os.path.join(self.store, "staffing.csv"), "rb").read().decode("utf-8")
                if not staffing.endswith("\n") or len(list(csv.reader(io.StringIO(staffing)))) != 12:
                    self.half += 1
                lines = open(os.path.join(self.store, "journal.jsonl"), "rb").read().decode("utf-8").split("\n")
                for line in lines[:-1]:
                    json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError, csv.Error, FileNotFoundError):
                self.half += 1
            time.sleep(0.01)


def scenario(bin_, tmp, label, writers, marks, same):
    store = scratch_store(tmp, "w")
    start_state = tasks(bin_, store)
    start_seq = max(e["seq"] for e in journal(bin_, store))
    reader = Reader(store)
    reader.start()
    results = {}
    threads = []
    for w in range(writers):
        ids = IDS[:3] if same else IDS[w::writers]
        t = threading.Thread(target=writer, args=(bin_, store, f"w{w}", ids, marks, results))
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    reader.stop = True
    reader.join()
    entries = [e for e in journal(bin_, store) if e["seq"] > start_seq]
    state = tasks(bin_, store)
    journaled = [(e["task"], e["after"]["note"]) for e in entries if e.get("op") == "note"]
    reported = [x for (done, _, _) in results.values() for x in done]
    lost = sum(1 for x in reported if x not in set(journaled))
    twice = len(journaled) - len(set(journaled))
    conflicts = sum(c for (_, c, _) in results.values())
    failures = [o for (_, _, os_) in results.values() for o in os_]
    for f in failures[:5]:
        print(f"  {label}: {f}")
    failed = len(failures)
    return {"name": label, "marks": writers * marks, "saved": len(reported), "conflicts_75": conflicts,
            "lost": lost, "journaled_twice": twice, "state_not_replay": int(state != replay(start_state, entries)),
            "other_failures": failed, "reads": reader.reads, "half_written_seen": reader.half}


def stale_locks(bin_, tmp):
    """A lock left by a killed process on this host is cleared; another host's is not."""
    store = scratch_store(tmp, "lock")
    lock = os.path.join(store, ".sanxiang.lock")
    host = os.uname().nodename
    dead = subprocess.Popen(["sleep", "0"])
    dead.wait()
    open(lock, "w").write(f"{dead.pid} {host} 1\n")
    r1 = subprocess.run([bin_, "--store", store, "note", "1", "after a dead holder"], capture_output=True,
                        env=clean_env(SANXIANG_LOCK_TIMEOUT_MS="3000"))
    recovered = r1.returncode == 0 and not os.path.exists(lock)
    open(lock, "w").write(f"{dead.pid} some-other-host 1\n")
    r2 = subprocess.run([bin_, "--store", store, "note", "1", "with a foreign lock"], capture_output=True,
                        env=clean_env(SANXIANG_LOCK_TIMEOUT_MS="300"))
    respected = r2.returncode == 75 and os.path.exists(lock)
    return {"name": "stale locks", "marks": 2, "saved": int(r1.returncode == 0), "conflicts_75": int(r2.returncode == 75),
            "lost": 0, "journaled_twice": 0, "state_not_replay": 0,
            "other_failures": int(not recovered) + int(not respected), "reads": 0, "half_written_seen": 0}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="the short run for CI")
    args = ap.parse_args()
    bin_ = binary()
    n2, n4 = (50, 25) if args.quick else (1000, 500)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for writers, marks in ((2, n2), (4, n4)):
            for same in (False, True):
                label = f"{writers} x {marks} on {'the same' if same else 'different'} tasks"
                rows.append(scenario(bin_, tmp, label, writers, marks, same))
        rows.append(stale_locks(bin_, tmp))
    report("Writers at once (lost, journaled_twice, state_not_replay, other_failures, half_written_seen must be 0)",
           rows, None if args.quick else os.path.join(os.path.dirname(__file__), "..", "..", "bench", "reliability-writers.json"),
           {"quick": args.quick})
    bad = sum(r[k] for r in rows for k in ("lost", "journaled_twice", "state_not_replay", "other_failures",
                                           "half_written_seen"))
    return 1 if bad else 0


if __name__ == "__main__":
    main_guard(main)
