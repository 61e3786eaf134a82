#!/usr/bin/env python3
"""Edits from outside while a dashboard is open: the real binary in a real terminal (tmux),
its tasks file rewritten by another program three ways — a `sed -i` style rename-replace, an
in-place rewrite, a spreadsheet's save with BOM and CRLF — and each edit followed at once by
a save from the dashboard (`s` on its task), without waiting for it to notice the edit first.
Every fifth edit changes the very field the dashboard is about to change: it must be
reported ("Not saved") and the other program's value kept; every other edit must be merged
(the other task's note and this task's status both in the file, no error shown).

    scripts/reliability/outside.py            # 500 edits
    scripts/reliability/outside.py --quick    # the short run CI does (30)

`swift test` runs the same 30 edits in-process (Tests/TUITests/OutsideEditsTests.swift).
Prints one table; a full run writes bench/reliability-outside.json. Exit status 1 if any
count that must be zero is not.
"""

import csv
import io
import json
import os
import random
import tempfile
import time

from common import (TODAY, Tmux, binary, check_and_remove, clean_env, main_guard, report, scratch_store,
                    tmux_harness_args)

KINDS = ("rename-replace", "in-place", "spreadsheet")
WIDTH, HEIGHT = 100, 30


def read_tasks(store):
    """{id: {field: value}} straight from tasks.csv, and the file's header."""
    data = open(os.path.join(store, "tasks.csv"), "rb").read()
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    return {r[0]: dict(zip(header, r)) for r in rows[1:] if r}


def edit(store, task, field, value, kind):
    """Rewrites one field of one task the way another program would."""
    path = os.path.join(store, "tasks.csv")
    data = open(path, "rb").read()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    eol = "\r\n" if "\r\n" in text else "\n"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    col = rows[0].index(field)
    for r in rows[1:]:
        if r and r[0] == task:
            r[col] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=eol).writerows(rows)
    body = out.getvalue().encode("utf-8")
    if kind == "rename-replace":
        tmp = os.path.join(store, f"sed{random.getrandbits(32)}")
        open(tmp, "wb").write((b"\xef\xbb\xbf" if bom else b"") + body)
        os.rename(tmp, path)
    elif kind == "in-place":
        with open(path, "r+b") as f:
            f.truncate(0)
            f.write((b"\xef\xbb\xbf" if bom else b"") + body)
    else:
        crlf = body if eol == "\r\n" else body.replace(b"\n", b"\r\n")
        tmp = os.path.join(store, "~$tasks.csv")
        open(tmp, "wb").write(b"\xef\xbb\xbf" + crlf)
        os.rename(tmp, path)


def journal_lines(store):
    return open(os.path.join(store, "journal.jsonl"), "rb").read().count(b"\n")


def session(bin_, tmp, edits):
    store = scratch_store(tmp, "outside")
    env = clean_env(TERM="screen-256color")
    t = Tmux("outside", WIDTH, HEIGHT)
    t.start([bin_, "--store", store, "--today", TODAY, "--lang", "en", "--as", "harness"], env)
    counts = {kind: {"merged": 0, "reported": 0, "missed": 0} for kind in KINDS}
    took = 0.0
    try:
        if not t.wait(lambda: any("Stand-up" in r for r in t.screen())):
            raise RuntimeError("the dashboard did not start:\n" + "\n".join(t.screen()))
        # Groups → the first group's tasks, the cursor on the first; `s` once tells which task
        # that is (the journal's new line names it).
        lines = journal_lines(store)
        t.keys("2", "Enter", "s")
        # The journal line comes first in a save: wait for the save to end (its lock gone) too,
        # or the first edit below could be made from the tasks file as it was before it.
        lock = os.path.join(store, ".sanxiang.lock")
        if not t.wait(lambda: journal_lines(store) == lines + 1 and not os.path.exists(lock)):
            raise RuntimeError("the first save did not come:\n" + "\n".join(t.screen()))
        last = open(os.path.join(store, "journal.jsonl"), encoding="utf-8").read().splitlines()[-1]
        mine = json.loads(last)["task"]
        ids = sorted(read_tasks(store), key=int)
        others = [i for i in ids if i != mine]
        start = time.monotonic()
        for n in range(edits):
            kind = KINDS[n % 3]
            collide = n % 5 == 4
            before = read_tasks(store)
            my_status = before[mine]["status"]
            if collide:
                # Someone else changes the very field this dashboard is about to change. The
                # footer must not still say "Not saved" from before, or the wait below would
                # not be this round's.
                if "Not saved" in t.footer():
                    t.keys("z")
                    t.wait(lambda: "Not saved" not in t.footer())
                theirs = "open" if my_status == "blocked" else "blocked"
                edit(store, mine, "status", theirs, kind)
                t.keys("s")
                said = t.wait(lambda: t.footer().startswith(" Not saved"), timeout=5)
                ok = said and read_tasks(store)[mine]["status"] == theirs
                counts[kind]["reported" if ok else "missed"] += 1
            else:
                other = others[n % len(others)]
                note = f"o{n:04d}"
                wanted = "open" if my_status == "in_progress" else "in_progress"
                lines = journal_lines(store)
                edit(store, other, "note", note, kind)
                t.keys("s")
                shown = f" {mine}: " + ("open" if wanted == "open" else "in progress")
                t.wait(lambda: journal_lines(store) == lines + 1 and read_tasks(store)[mine]["status"] == wanted
                       and t.footer().rstrip() == shown, timeout=5)
                after = read_tasks(store)
                ok = after[other]["note"] == note and after[mine]["status"] == wanted and t.footer().rstrip() == shown
                counts[kind]["merged" if ok else "missed"] += 1
        took = time.monotonic() - start
        t.keys("q")
        t.wait(lambda: not t.running(), timeout=5)
    finally:
        t.close()
    check = check_and_remove(bin_, store)
    rows = [{"name": kind, "edits": sum(c.values()), **c} for kind, c in counts.items()]
    return rows, check, took


def main():
    args = tmux_harness_args(__doc__, "outside.py")
    if args is None:
        return 1
    random.seed(7)
    bin_ = binary()
    edits = 30 if args.quick else 500
    with tempfile.TemporaryDirectory() as tmp:
        rows, check, took = session(bin_, tmp, edits)
    report("Edits from outside, each followed at once by a dashboard save (missed must be 0)", rows,
           None if args.quick else os.path.join(os.path.dirname(__file__), "..", "..", "bench",
                                                "reliability-outside.json"),
           {"quick": args.quick, "edits": edits, "seconds": round(took, 1), "check_exit": check})
    merged = sum(r["merged"] for r in rows)
    reported = sum(r["reported"] for r in rows)
    missed = sum(r["missed"] for r in rows)
    print(f"{edits} edits in {took:.1f} s: merged {merged}, reported {reported}, missed {missed}; check exit {check}")
    want_reported = sum(1 for n in range(edits) if n % 5 == 4)
    return 1 if missed or check or reported != want_reported or merged != edits - want_reported else 0


if __name__ == "__main__":
    main_guard(main)
