"""Shared pieces of the reliability harnesses: where the binary is, scratch copies of the
sample store, running the dashboard on a pseudo-terminal, and the figures table."""

import argparse
import fcntl
import json
import os
import select
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(ROOT, "sample-data")
TODAY = "2019-09-20"


def binary():
    """The debug build of sanxiang (built first, so the harness tests the current code)."""
    path = os.environ.get("SANXIANG_BIN")
    if path:
        return path
    subprocess.run(["swift", "build", "--product", "sanxiang"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
    return os.path.join(out.stdout.strip(), "sanxiang")


def scratch_store(tmp, name="store"):
    """A fresh copy of sample-data/ to change freely."""
    dst = os.path.join(tmp, name)
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(SAMPLE, dst)
    return dst


def clean_env(**extra):
    env = {"PATH": "/usr/bin:/bin", "HOME": tempfile.gettempdir(), "LANG": "C.UTF-8", "TERM": "xterm-256color",
           "SWIFT_BACKTRACE": "enable=no", "USER": "harness"}
    for k, v in extra.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


class Pty:
    """A program on its own pseudo-terminal: its output is collected, keys and sizes sent."""

    def __init__(self, argv, env, rows=30, cols=100):
        self.master, self.slave = os.openpty()
        self.resize(rows, cols)
        self.before = termios.tcgetattr(self.slave)
        self.output = bytearray()
        slave = self.slave

        def child_setup():
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(argv, env=env, stdin=slave, stdout=slave, stderr=slave,
                                     preexec_fn=child_setup, close_fds=True)
        os.set_blocking(self.master, False)

    @property
    def pid(self):
        return self.proc.pid

    def resize(self, rows, cols):
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def pump(self, seconds=0.0):
        """Reads whatever the program wrote, waiting up to `seconds` for more."""
        end = time.monotonic() + seconds
        while True:
            left = max(0.0, end - time.monotonic())
            r, _, _ = select.select([self.master], [], [], left)
            if r:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.output += chunk
                continue
            if time.monotonic() >= end:
                return

    def wait_for(self, text, timeout=10.0):
        """Waits until `text` (bytes) has been written; False on timeout or exit."""
        end = time.monotonic() + timeout
        needle = text.encode() if isinstance(text, str) else text
        while time.monotonic() < end:
            self.pump(0.05)
            if needle in self.output:
                return True
            if self.proc.poll() is not None:
                self.pump(0.05)
                return needle in self.output
        return False

    def send(self, data):
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def wait_exit(self, timeout=10.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.02)
            if self.proc.poll() is not None:
                self.pump(0.05)
                return self.proc.returncode
        self.proc.kill()
        self.proc.wait()
        return None

    def termios_restored(self):
        return termios.tcgetattr(self.slave) == self.before

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass


class Tmux:
    """Dashboards in a tmux server of their own (its own socket, so no one else's is touched),
    one session each, named; "d" when there is one."""

    def __init__(self, label, width, height):
        self.socket = f"sx-{label}-{os.getpid()}"
        self.width, self.height = width, height

    def start(self, argv, env, at="d"):
        self.tmux(["new-session", "-d", "-s", at, "-x", str(self.width), "-y", str(self.height),
                   "env -i " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items()) + " "
                   + " ".join(shlex.quote(a) for a in argv)])
        self.tmux(["set-option", "-t", at, "status", "off"])

    def tmux(self, args, capture=False):
        r = subprocess.run(["tmux", "-L", self.socket] + args, stdin=subprocess.DEVNULL, capture_output=True,
                           text=True)
        return r.stdout if capture else r.returncode

    def keys(self, *keys, at="d"):
        self.tmux(["send-keys", "-t", at] + list(keys))

    def type(self, text, at="d"):
        """Sends `text` as typed, character by character (no key names)."""
        self.tmux(["send-keys", "-t", at, "-l", text])

    def screen(self, at="d"):
        return self.tmux(["capture-pane", "-p", "-t", at], capture=True).split("\n")

    def footer(self, at="d", up=0):
        """The bottom row (`up` rows above it)."""
        rows = self.screen(at)
        return rows[self.height - 1 - up] if len(rows) >= self.height else ""

    def running(self, at="d"):
        return self.tmux(["has-session", "-t", at]) == 0

    def wait(self, test, timeout=10.0):
        """Polls until `test()` is true; False on timeout."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if test():
                return True
            time.sleep(0.005)
        return test()

    def close(self):
        self.tmux(["kill-server"])


def tmux_harness_args(doc, name):
    """The command line of a harness that drives the dashboard in tmux (`--quick` for CI), or
    None after saying that tmux is missing."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="the short run for CI")
    args = ap.parse_args()
    if shutil.which("tmux") is None:
        print(f"{name} needs tmux (CI installs it)")
        return None
    return args


def check_and_remove(bin_, store):
    """`sanxiang check`'s exit status on a harness's store, which is then removed."""
    check = subprocess.run([bin_, "check", "--store", store, "--today", TODAY], capture_output=True, env=clean_env())
    shutil.rmtree(store, ignore_errors=True)
    return check.returncode


def terminfo(term, cap):
    """A terminfo string for `term` (b'' when it has none)."""
    r = subprocess.run(["tput", "-T", term, cap], capture_output=True)
    return r.stdout if r.returncode == 0 else b""


def screen_given_back(output, term="xterm-256color"):
    """True when, after the last switch to the alternate screen, the program switched back
    and made the cursor visible again."""
    smcup, rmcup, cnorm = terminfo(term, "smcup"), terminfo(term, "rmcup"), terminfo(term, "cnorm")
    last_enter = output.rfind(smcup) if smcup else -1
    ok = True
    if rmcup:
        ok = ok and output.rfind(rmcup) > last_enter
    if cnorm:
        ok = ok and output.rfind(cnorm) > last_enter
    return ok


def report(title, rows, figures_path=None, extra=None):
    """Prints one table (name, runs, then the must-be-zero counts) and writes JSON."""
    print(f"\n{title}")
    keys = [k for k in rows[0].keys() if k != "name"] if rows else []
    widths = [max(len("check"), max(len(r["name"]) for r in rows))] + [max(len(k), 6) for k in keys]
    print("  ".join(["check".ljust(widths[0])] + [k.rjust(w) for k, w in zip(keys, widths[1:])]))
    for r in rows:
        print("  ".join([r["name"].ljust(widths[0])] + [str(r[k]).rjust(w) for k, w in zip(keys, widths[1:])]))
    if figures_path:
        os.makedirs(os.path.dirname(figures_path), exist_ok=True)
        with open(figures_path, "w") as f:
            json.dump({"title": title, "rows": rows, **(extra or {})}, f, ensure_ascii=False, indent=2)


def fail_count(rows, keys):
    return sum(r.get(k, 0) for r in rows for k in keys)


def main_guard(fn):
    try:
        sys.exit(fn())
    except KeyboardInterrupt:
        sys.exit(130)


SIGNALS = {"SIGINT": signal.SIGINT, "SIGTERM": signal.SIGTERM, "SIGHUP": signal.SIGHUP, "SIGQUIT": signal.SIGQUIT}
