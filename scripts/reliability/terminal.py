#!/usr/bin/env python3
"""Signals and terminals: the dashboard always gives the terminal back, never crashes on a
resize, and never writes escape bytes where they do not belong.

    scripts/reliability/terminal.py            # the full run (100 of each signal, 1,000 resizes)
    scripts/reliability/terminal.py --quick    # the short run CI does

Prints one table; a full run writes bench/reliability-terminal.json. Exit status 1 if any count that
must be zero is not.
"""

import argparse
import os
import random
import signal
import subprocess
import tempfile
import time

from common import (SIGNALS, TODAY, Pty, binary, clean_env, main_guard, report, scratch_store, screen_given_back)

HOSTILE = ("危险\x1b]0;PWNED\x07标题\x1b[6n\x1b[31mRED\x1b[0m\u009b31m\u202eevil\u202c\u200f\u2066x\u2069\u061c"
           "\x7f\x08\x0d\x0a\x09end" + "e" + "\u0301" * 40)


def dashboard(bin_, store, env, rows=30, cols=100, lang="en"):
    return Pty([bin_, "--store", store, "--today", TODAY, "--lang", lang], env, rows, cols)


def signals(bin_, tmp, runs):
    """SIGINT, SIGTERM, SIGHUP and SIGQUIT at a random moment (sometimes in the middle of
    saving): the exit is orderly, the terminal modes, screen and cursor come back, and the
    lock is released."""
    rows = []
    for name, sig in SIGNALS.items():
        bad_exit = bad_tty = bad_screen = held_lock = broken_store = 0
        store = scratch_store(tmp, "sig-" + name)
        for i in range(runs):
            p = dashboard(bin_, store, clean_env())
            try:
                if not p.wait_for("Stand-up"):
                    bad_exit += 1
                    continue
                # Half the runs are busy saving when the signal comes.
                if i % 2:
                    p.send("\r" + " " * random.randint(1, 6))
                time.sleep(random.uniform(0, 0.15))
                os.kill(p.pid, sig)
                code = p.wait_exit()
                bad_exit += code != 128 + sig
                bad_tty += not p.termios_restored()
                bad_screen += not screen_given_back(bytes(p.output))
                held_lock += os.path.exists(os.path.join(store, ".sanxiang.lock"))
            finally:
                p.close()
            check = subprocess.run([bin_, "check", "--store", store], capture_output=True, env=clean_env())
            broken_store += check.returncode != 0
        rows.append({"name": name, "runs": runs, "bad_exit": bad_exit, "tty_not_restored": bad_tty,
                     "screen_not_restored": bad_screen, "lock_left": held_lock, "store_broken": broken_store})
    return rows


def suspend(bin_, tmp, runs):
    """Ctrl-Z (SIGTSTP) under a job-control shell and `fg` (SIGCONT): the shell gets a sane
    terminal while the dashboard is stopped, and the dashboard carries on afterwards."""
    bad = bad_tty = 0
    store = scratch_store(tmp, "tstp")
    for _ in range(runs):
        sh = Pty(["bash", "--norc", "--noprofile", "-i"], clean_env(PS1="$ "))
        try:
            sh.wait_for("$ ")
            sh.send("stty -g > before.txt; echo READY\r".replace("before.txt", os.path.join(tmp, "before.txt")))
            sh.wait_for("READY\r\n")
            sh.send(f"{bin_} --store {store} --today {TODAY} --lang en\r")
            ok = sh.wait_for("Stand-up")
            sh.send("\x1a")  # Ctrl-Z
            ok = ok and sh.wait_for("Stopped")
            sh.send(f"stty -g > {tmp}/stopped.txt; fg\r")
            time.sleep(0.3)
            sh.output.clear()
            sh.send("2")
            ok = ok and sh.wait_for("Groups")
            sh.send("q")
            sh.send(f"stty -g > {tmp}/after.txt; echo DONE-$((1+1))\r")
            ok = ok and sh.wait_for("DONE-2")
            read = lambda n: open(os.path.join(tmp, n)).read()
            same = read("before.txt") == read("stopped.txt") == read("after.txt")
            bad += not ok
            bad_tty += not same
        finally:
            sh.close()
    return [{"name": "SIGTSTP/SIGCONT", "runs": runs, "bad_exit": bad, "tty_not_restored": bad_tty,
             "screen_not_restored": 0, "lock_left": 0, "store_broken": 0}]


def resizes(bin_, tmp, count):
    """Random sizes from 1×1 to 300×100, with keys in between, then quit normally."""
    store = scratch_store(tmp, "resize")
    p = dashboard(bin_, store, clean_env())
    crashed = 0
    try:
        p.wait_for("Stand-up")
        for i in range(count):
            p.resize(random.randint(1, 100), random.randint(1, 300))
            if i % 7 == 0:
                p.send(random.choice(["j", "k", "\t", "3", "2", "\r", "\x1b", "?", "x", "/", "f"]))
            p.pump(0.003)
            if p.proc.poll() is not None:
                break
        p.resize(30, 100)
        p.send("\x1b\x1bq")
        code = p.wait_exit()
        crashed = code != 0
        tty = not p.termios_restored()
    finally:
        p.close()
    return [{"name": f"{count} random resizes", "runs": 1, "bad_exit": int(crashed), "tty_not_restored": int(tty),
             "screen_not_restored": 0, "lock_left": 0, "store_broken": 0}]


def matrix(bin_, tmp):
    """TERM × where stdout goes × LANG: no crash, and no escape byte into a pipe or a file."""
    terms = ["xterm-256color", "screen", "linux", "vt100", "dumb", None]
    langs = ["zh_CN.UTF-8", "C.UTF-8", "C"]
    store = scratch_store(tmp, "matrix")
    crashes = escapes = runs = 0
    for term in terms:
        for lang in langs:
            env = clean_env(TERM=term, LANG=lang)
            for args in ([], ["standup"]):
                argv = [bin_, "--store", store, "--today", TODAY] + args
                # On a terminal.
                runs += 1
                p = Pty(argv, env)
                try:
                    p.wait_for("2 " if not args else "\n", timeout=3)
                    if p.proc.poll() is None:
                        p.send("q")
                    code = p.wait_exit(5)
                    crashes += code is None or code < 0 or code not in (0, 64)
                finally:
                    p.close()
                # Into a pipe and into a file: refusal or plain text, never an escape.
                for target in ("pipe", "file"):
                    runs += 1
                    out_path = os.path.join(tmp, "out.txt")
                    with open(out_path, "wb") as f, open(os.devnull, "rb") as devnull:
                        r = subprocess.run(argv, env=env, stdin=devnull, capture_output=target == "pipe",
                                           **({} if target == "pipe" else {"stdout": f, "stderr": subprocess.PIPE}))
                    data = r.stdout if target == "pipe" else open(out_path, "rb").read()
                    crashes += r.returncode < 0 or r.returncode not in (0, 64)
                    escapes += b"\x1b" in data or b"\xc2\x9b" in data
    return [{"name": "TERM x stdout x LANG", "runs": runs, "bad_exit": crashes, "tty_not_restored": 0,
             "screen_not_restored": 0, "lock_left": 0, "store_broken": 0, "escape_bytes": escapes}]


def hostile(bin_, tmp):
    """Task text with every C0 control, DEL, C1 controls, bidi controls and an escape
    sequence: drawn visibly, and none of it reaches the terminal as such."""
    store = scratch_store(tmp, "hostile")
    path = os.path.join(store, "tasks.csv")
    text = open(path, encoding="utf-8").read()
    c0 = "".join(chr(c) for c in range(1, 32) if c not in (10, 13))
    c1 = "".join(chr(c) for c in range(0x80, 0xA0))
    nasty = HOSTILE + c0 + c1
    quoted = '"' + nasty.replace('"', '""') + '"'
    text = text.replace("建立联络员制度、例会制度、工作项目组制度。", quoted, 1)
    open(path, "w", encoding="utf-8").write(text)
    p = dashboard(bin_, store, clean_env(), lang="zh")
    leaks = 0
    try:
        p.wait_for("每日例会")
        p.send("\r")
        p.pump(0.5)
        p.send("q")
        p.wait_exit()
        out = bytes(p.output)
        decoded = out.decode("utf-8", errors="replace")
        forbidden = ["\x1b]0;PWNED", "\x1b[6n", "\x1b[31mRED", "\u009b", "\u202e", "\u202c", "\u200f", "\u2066",
                     "\u2069", "\u061c", "\x07"]
        leaks = sum(1 for f in forbidden if f in decoded)
        leaks += b"\xc2\x9b" in out
        # Drawn visibly instead: the control pictures and the replacement character.
        visible = "␛]0;PWNED␇" in decoded.replace("\x1b[", "")
    finally:
        p.close()
    return [{"name": "hostile text", "runs": 1, "bad_exit": 0, "tty_not_restored": 0, "screen_not_restored": 0,
             "lock_left": 0, "store_broken": 0, "escape_bytes": leaks, "drawn_visibly": int(visible)}]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="the short run for CI")
    args = ap.parse_args()
    random.seed(7)
    bin_ = binary()
    runs, sizes, tstp = (5, 100, 1) if args.quick else (100, 1000, 10)
    with tempfile.TemporaryDirectory() as tmp:
        rows = signals(bin_, tmp, runs) + suspend(bin_, tmp, tstp) + resizes(bin_, tmp, sizes)
        rows += matrix(bin_, tmp) + hostile(bin_, tmp)
    for r in rows:
        r.setdefault("escape_bytes", 0)
    report("Signals and terminals (every count but runs must be 0)", rows,
           None if args.quick else os.path.join(os.path.dirname(__file__), "..", "..", "bench", "reliability-terminal.json"),
           {"quick": args.quick})
    bad = sum(r[k] for r in rows for k in r if k not in ("name", "runs", "drawn_visibly"))
    bad += sum(1 for r in rows if r.get("drawn_visibly") == 0)
    return 1 if bad else 0


if __name__ == "__main__":
    main_guard(main)
