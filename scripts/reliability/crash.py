#!/usr/bin/env python3
"""Crashes and disk errors during a save: a real `sanxiang` writer is killed (SIGKILL) at
every write, fsync and rename of a save, and at random moments of a stress run; disk errors
(EIO on fsync, ENOSPC on write) are injected. After every one: each file is the old version
or the new one, never a mix; nothing the program reported as saved is lost; the state equals
a replay of the journal; a torn last journal line is set aside, not fatal; no temp file
survives the next start.

    scripts/reliability/crash.py            # full run: every syscall, 1,000 random kills
    scripts/reliability/crash.py --quick    # the short run CI does

Needs strace. Prints one table; a full run writes bench/reliability-crash.json.
"""

import argparse
import os
import random
import signal
import subprocess
import tempfile
import time

from common import binary, clean_env, main_guard, report, scratch_store
from store import files, journal, replay, run, tasks, temp_files

NOW = "2019-09-20T10:00:00+08:00"
SAVE = ["done", "33", "--note", "crash test"]


def strace(bin_, store, name, action, n):
    """Runs one save under strace with `action` injected into the n-th `name` syscall of the
    main thread (the one that saves; reading threads would make the count move)."""
    argv = ["strace", "-qq", "-o", "/dev/null", "-e", f"trace={name}", "-e", f"inject={name}:{action}:when={n}",
            bin_, "--store", store, "--lang", "en"] + SAVE
    return subprocess.run(argv, capture_output=True, text=True, env=clean_env(SANXIANG_NOW=NOW))


def count_syscalls(bin_, tmp):
    """The writes, fsyncs and renames of one save, each with whether it touches the store
    (a write to a thread's wake-up fd or to stdout is not a store write)."""
    store = scratch_store(tmp, "count")
    log = os.path.join(tmp, "strace.log")
    subprocess.run(["strace", "-qq", "-y", "-o", log, "-e", "trace=write,fsync,rename", bin_, "--store", store,
                    "--lang", "en"] + SAVE, capture_output=True, env=clean_env(SANXIANG_NOW=NOW), check=True)
    calls = {"write": [], "fsync": [], "rename": []}
    for line in open(log):
        for name in calls:
            if f" {name}(" in line or line.startswith(f"{name}("):
                calls[name].append(store in line)
    return calls


class Verdict:
    def __init__(self):
        self.kills = self.torn = self.lost = self.mismatch = self.temps = self.fatal = self.set_aside = 0

    def row(self, name):
        return {"name": name, "kills": self.kills, "torn_files": self.torn, "lost_records": self.lost,
                "state_not_replay": self.mismatch, "temp_files_left": self.temps, "fatal_after": self.fatal,
                "journal_lines_set_aside": self.set_aside}


def since(bin_, store, start_seq):
    """The store's state now, and the journal entries written since `start_seq`."""
    return tasks(bin_, store), [e for e in journal(bin_, store) if e["seq"] > start_seq]


def expected_new(bin_, tmp):
    """The files after one clean save, to compare crashed ones with."""
    store = scratch_store(tmp, "clean")
    r = run(bin_, SAVE, store, env={"SANXIANG_NOW": NOW})
    assert r.returncode == 0, r.stderr
    return files(store)


def next_start(bin_, store, v):
    """After a kill, the next start reads everything and finds no temp file left over.
    False when it could not start (counted as fatal)."""
    if run(bin_, ["check"], store).returncode != 0:
        v.fatal += 1
        return False
    if temp_files(store):
        v.temps += 1
    return True


def check_after(bin_, store, old, new, reported, v, start_state, start_seq):
    """The checks every crash must pass, then a next start and a next save."""
    now = files(store)
    for name in ("tasks.csv", "staffing.csv", "plan.ini"):
        if now.get(name) not in (old.get(name), new.get(name)):
            v.torn += 1
    j_old, j_new, j_now = old["journal.jsonl"], new["journal.jsonl"], now.get("journal.jsonl", b"")
    if not (j_now.startswith(j_old) and j_new.startswith(j_now)):
        v.torn += 1
    if len(j_now) not in (len(j_old), len(j_new)):
        v.set_aside += 1
    if not next_start(bin_, store, v):
        return
    state, entries = since(bin_, store, start_seq)
    if state != replay(start_state, entries):
        v.mismatch += 1
    if reported and state["33"]["status"] != "done":
        v.lost += 1
    # And the next save works, setting a torn journal line aside.
    if run(bin_, ["note", "29", "after the crash"], store).returncode != 0:
        v.fatal += 1


def kill_at_every_syscall(bin_, tmp, calls):
    new = expected_new(bin_, tmp)
    v = Verdict()
    for name, touches in calls.items():
        for n in range(1, len(touches) + 1):
            store = scratch_store(tmp, "kill")
            old = files(store)
            start_state = tasks(bin_, store)
            start_seq = max(e["seq"] for e in journal(bin_, store))
            r = strace(bin_, store, name, "signal=KILL", n)
            v.kills += 1
            check_after(bin_, store, old, new, "done" in r.stdout, v, start_state, start_seq)
    return v.row("SIGKILL at every write, fsync, rename")


def random_kills(bin_, tmp, count):
    """A stress run: notes saved one after another, a SIGKILL at a random moment of each.
    Every note reported saved must survive; the state must always replay the journal."""
    store = scratch_store(tmp, "stress")
    start_state = tasks(bin_, store)
    start_seq = max(e["seq"] for e in journal(bin_, store))
    v = Verdict()
    saved = {}
    ids = [str(i) for i in range(1, 36)]
    for i in range(count):
        tid = random.choice(ids)
        text = f"n{i}"
        p = subprocess.Popen([bin_, "--store", store, "--lang", "en", "note", tid, text], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=clean_env())
        time.sleep(random.uniform(0, 0.03))
        try:
            p.send_signal(signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = p.communicate()
        v.kills += 1
        if p.returncode == 0 and "note saved" in out:
            saved[tid] = text
        if not next_start(bin_, store, v):
            break
    state, entries = since(bin_, store, start_seq)
    if state != replay(start_state, entries):
        v.mismatch += 1
    noted = {}
    for e in entries:
        if e.get("task") and "note" in (e.get("after") or {}):
            noted.setdefault(e["task"], set()).add(e["after"]["note"])
    v.lost += sum(1 for tid, text in saved.items() if text not in noted.get(tid, set()))
    return v.row(f"SIGKILL at {count} random moments")


def disk_errors(bin_, tmp, calls):
    """EIO on each fsync, ENOSPC on each write to the store: never reported as saved, and
    the old files stay as they were."""
    rows = []
    for name, error in (("fsync", "EIO"), ("write", "ENOSPC")):
        said_saved = changed = runs = left_lock = 0
        for n, touches_store in enumerate(calls[name], start=1):
            if not touches_store:
                continue
            store = scratch_store(tmp, "disk")
            old = files(store)
            r = strace(bin_, store, name, f"error={error}", n)
            runs += 1
            said_saved += r.returncode == 0 or "done" in r.stdout
            now = files(store)
            changed += any(now.get(k) != old.get(k) for k in ("tasks.csv", "staffing.csv", "plan.ini", "journal.jsonl"))
            left_lock += os.path.exists(os.path.join(store, ".sanxiang.lock"))
        rows.append({"name": f"{error} on every {name} to the store", "runs": runs, "reported_saved": said_saved,
                     "files_changed": changed, "lock_left": left_lock})
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="the short run for CI")
    args = ap.parse_args()
    random.seed(11)
    bin_ = binary()
    with tempfile.TemporaryDirectory() as tmp:
        calls = count_syscalls(bin_, tmp)
        crash_rows = [kill_at_every_syscall(bin_, tmp, calls), random_kills(bin_, tmp, 100 if args.quick else 1000)]
        disk_rows = disk_errors(bin_, tmp, calls)
    out = None if args.quick else os.path.join(os.path.dirname(__file__), "..", "..", "bench", "reliability-crash.json")
    report("Crash during save (every count but kills and set-aside lines must be 0)", crash_rows)
    report("Disk errors (every count but runs must be 0)", disk_rows, out,
           {"crash": crash_rows, "syscalls_per_save": {k: len(v) for k, v in calls.items()}, "quick": args.quick})
    bad = sum(r[k] for r in crash_rows for k in ("torn_files", "lost_records", "state_not_replay", "temp_files_left",
                                                 "fatal_after"))
    bad += sum(r[k] for r in disk_rows for k in ("reported_saved", "files_changed", "lock_left"))
    return 1 if bad else 0


if __name__ == "__main__":
    main_guard(main)
