#!/usr/bin/env python3
"""Two people, one field: the real dashboard (in tmux) edits a task while someone else saves
the same field first, after a pause of a random length, so that in some rounds the dashboard
has read their change again before Enter and in others not:

- note, command line: a note typed in the dashboard; `sanxiang note` on the same task;
- note, second dashboard: a note typed in each of two dashboards on one store, the second
  one's saved first;
- note, another task: `sanxiang note` on another task (must be merged, not refused);
- status key at once: `sanxiang block`/`start` on the task under the cursor, and `s` pressed
  as soon as the dashboard shows it read the change (before a quiet second has passed);
- status key after a pause: the same, `s` pressed after two quiet seconds (acts on the new
  status: saved).

A collision must be refused ("Not saved", theirs kept in the file, the typed text still in
the open line, no journal line of the dashboard's); saving over theirs, or losing what was
typed, is counted.

    scripts/reliability/conflicts.py            # 100 rounds
    scripts/reliability/conflicts.py --quick    # the short run CI does (10)

`swift test` has one case of each kind and more (Tests/TUITests/EditConflictTests.swift).
Prints one table; a full run writes bench/reliability-conflicts.json. Exit status 1 if any
count that must be zero is not.
"""

import json
import os
import random
import subprocess
import tempfile
import time

from common import (TODAY, Tmux, binary, check_and_remove, clean_env, main_guard, report, scratch_store,
                    tmux_harness_args)

WIDTH, HEIGHT = 100, 30
KINDS = ("note, command line", "note, second dashboard", "note, another task", "status key at once",
         "status key after a pause")
PAUSES = (0.0, 0.2, 0.5, 1.1, 1.6, 2.2)


def journal(store):
    with open(os.path.join(store, "journal.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def task(bin_, store, id_):
    r = subprocess.run([bin_, "--store", store, "--lang", "en", "show", id_, "--format", "json", "--today", TODAY],
                       capture_output=True, text=True, env=clean_env())
    if r.returncode != 0:
        raise RuntimeError(f"show {id_} failed ({r.returncode}): {r.stderr.strip()}")
    return json.loads(r.stdout)


def cli(bin_, store, *args):
    r = subprocess.run([bin_, "--store", store, "--lang", "en", "--today", TODAY, "--as", "cli"] + list(args),
                       capture_output=True, text=True, env=clean_env())
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({r.returncode}): {r.stderr.strip()}")


class Dashboards:
    def __init__(self, bin_, store):
        self.t = Tmux("conflicts", WIDTH, HEIGHT)
        env = clean_env(TERM="screen-256color")
        for who in ("a", "b"):
            self.t.start([bin_, "--store", store, "--today", TODAY, "--lang", "en", "--as", who], env, at=who)
        for who in ("a", "b"):
            if not self.t.wait(lambda: any("Stand-up" in r for r in self.t.screen(who))):
                raise RuntimeError("a dashboard did not start:\n" + "\n".join(self.t.screen(who)))
            # Groups → the first group's tasks, the cursor on the first.
            self.t.keys("2", "Enter", at=who)

    def footer(self, who, up=0):
        return self.t.footer(who, up)

    def quiet(self, who):
        """Clears what the footer says (z is unbound: it says so), so that a wait below is this
        round's; then the footer is the hints again."""
        self.t.keys("z", at=who)
        self.t.wait(lambda: "does nothing here" in self.footer(who), timeout=5)

    def open_note(self, who, text):
        """n, the line emptied, `text` typed; the id of the task it is for."""
        self.t.keys("n", "C-u", at=who)
        self.t.type(text, at=who)
        if not self.t.wait(lambda: self.footer(who).startswith("note for ") and text in self.footer(who), timeout=5):
            raise RuntimeError("the note line did not open:\n" + "\n".join(self.t.screen(who)))
        return self.footer(who)[len("note for "):].split(":")[0]

    def close(self):
        for who in ("a", "b"):
            self.t.keys("q", at=who)
        self.t.wait(lambda: not self.t.running("a") and not self.t.running("b"), timeout=5)
        self.t.close()


def session(bin_, tmp, rounds, rng):
    store = scratch_store(tmp, "conflicts")
    d = Dashboards(bin_, store)
    counts = {k: {"rounds": 0, "refused": 0, "merged": 0, "saved over": 0, "typed lost": 0, "other": 0}
              for k in KINDS}
    took = 0.0
    try:
        # The task under both cursors.
        mine = d.open_note("a", "probe")
        d.t.keys("Escape", at="a")
        start = time.monotonic()
        for n in range(rounds):
            kind = KINDS[n % len(KINDS)]
            c = counts[kind]
            c["rounds"] += 1
            pause = rng.choice(PAUSES)
            d.quiet("a")
            if kind.startswith("note"):
                typed, theirs = f"a{n:04d}", f"b{n:04d}"
                other = "1" if mine != "1" else "3"
                d.open_note("a", typed)
                if kind == "note, command line":
                    cli(bin_, store, "note", mine, theirs)
                elif kind == "note, second dashboard":
                    d.quiet("b")
                    if d.open_note("b", theirs) != mine:
                        raise RuntimeError("the second dashboard's cursor is not on the task:\n"
                                           + "\n".join(d.t.screen("b")))
                    d.t.keys("Enter", at="b")
                    d.t.wait(lambda: "note saved" in d.footer("b") or d.footer("b", up=2).startswith(" Not saved"),
                             timeout=5)
                    if "note saved" not in d.footer("b"):
                        # It had not read the round before's note yet, and was refused too (as
                        # it should be): Enter again saves over it, knowingly.
                        d.t.keys("Enter", at="b")
                    if not d.t.wait(lambda: "note saved" in d.footer("b"), timeout=5):
                        raise RuntimeError("the second dashboard did not save:\n" + "\n".join(d.t.screen("b")))
                else:
                    cli(bin_, store, "note", other, theirs)
                time.sleep(pause)
                d.t.keys("Enter", at="a")
                d.t.wait(lambda: d.footer("a", up=2).startswith(" Not saved") or "note saved" in d.footer("a"),
                         timeout=5)
                said_no = d.footer("a", up=2).startswith(" Not saved")
                still_typed = d.footer("a").startswith("note for ") and typed in d.footer("a")
                mine_now = task(bin_, store, mine)["note"]
                by_a = [e for e in journal(store) if e.get("by") == "a" and typed in json.dumps(e, ensure_ascii=False)]
                if kind == "note, another task":
                    ok = (mine_now == typed and task(bin_, store, other)["note"] == theirs and not said_no)
                    c["merged" if ok else "other"] += 1
                elif mine_now == typed or by_a:
                    c["saved over"] += 1
                elif not still_typed:
                    c["typed lost"] += 1
                elif said_no and mine_now == theirs:
                    c["refused"] += 1
                else:
                    c["other"] += 1
                if still_typed:
                    d.t.keys("Escape", at="a")
                    d.t.wait(lambda: not d.footer("a").startswith("note for "), timeout=5)
            else:
                shown = task(bin_, store, mine)["status"]
                # Someone else gives the task a status other than the one on screen.
                cli(bin_, store, "start" if shown == "blocked" else "block", mine)
                theirs = "in_progress" if shown == "blocked" else "blocked"
                if not d.t.wait(lambda: d.footer("a").startswith(" Reloaded"), timeout=5):
                    c["other"] += 1
                    continue
                if kind == "status key after a pause":
                    time.sleep(2.2)
                d.t.keys("s", at="a")
                d.t.wait(lambda: d.footer("a").startswith(" Not saved") or d.footer("a").startswith(f" {mine}: "),
                         timeout=5)
                now = task(bin_, store, mine)["status"]
                if kind == "status key at once":
                    refused = d.footer("a").startswith(" Not saved") and now == theirs
                    c["refused" if refused else ("saved over" if now != theirs else "other")] += 1
                else:
                    # Acts on what is shown now: s on blocked starts it, on in progress opens it.
                    wanted = "open" if theirs == "in_progress" else "in_progress"
                    c["merged" if now == wanted and not d.footer("a").startswith(" Not saved") else "other"] += 1
        took = time.monotonic() - start
    finally:
        d.close()
    check = check_and_remove(bin_, store)
    rows = [{"name": k, **c} for k, c in counts.items()]
    return rows, check, took


def main():
    args = tmux_harness_args(__doc__, "conflicts.py")
    if args is None:
        return 1
    rng = random.Random(22)
    bin_ = binary()
    rounds = 10 if args.quick else 100
    with tempfile.TemporaryDirectory() as tmp:
        rows, check, took = session(bin_, tmp, rounds, rng)
    report("Two people, one field: the dashboard's edit after someone else's save (saved over, typed lost, other "
           "must be 0)", rows,
           None if args.quick else os.path.join(os.path.dirname(__file__), "..", "..", "bench",
                                                "reliability-conflicts.json"),
           {"quick": args.quick, "rounds": rounds, "seconds": round(took, 1), "check_exit": check})
    bad = sum(r["saved over"] + r["typed lost"] + r["other"] for r in rows)
    refused = sum(r["refused"] for r in rows)
    merged = sum(r["merged"] for r in rows)
    print(f"{rounds} rounds in {took:.1f} s: refused {refused}, merged {merged}, saved over / typed lost / other "
          f"{bad}; check exit {check}")
    return 1 if bad or check else 0


if __name__ == "__main__":
    main_guard(main)
