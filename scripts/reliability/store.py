"""Reading a store the way a checker must: through the program's own JSON, and by replaying
the journal from a known starting point."""

import json
import os
import subprocess

from common import clean_env

STATE_FIELDS = ("status", "completed_on", "note", "event_on")


def run(bin_, args, store, **kw):
    return subprocess.run([bin_, "--store", store, "--lang", "en"] + args, capture_output=True, text=True,
                          env=clean_env(**kw.pop("env", {})), **kw)


def tasks(bin_, store):
    """{id: {field: value}} for the state fields, as `list --format json` reports them."""
    r = run(bin_, ["list", "--format", "json", "--today", "2019-09-20"], store)
    if r.returncode != 0:
        raise RuntimeError(f"list failed ({r.returncode}): {r.stderr.strip()}")
    out = {}
    for t in json.loads(r.stdout)["tasks"]:
        out[t["id"]] = {"status": t["status"], "completed_on": t["completed_on"] or "", "note": t["note"],
                        "event_on": t["event_on"] or ""}
    return out


def journal(bin_, store):
    r = run(bin_, ["log", "--format", "json"], store)
    if r.returncode != 0:
        raise RuntimeError(f"log failed ({r.returncode}): {r.stderr.strip()}")
    return json.loads(r.stdout)


def replay(start, entries):
    """Applies journal entries' "after" values, in order, to a starting state."""
    state = {k: dict(v) for k, v in start.items()}
    for e in entries:
        tid = e.get("task")
        if tid is None or tid not in state:
            continue
        for field, value in (e.get("after") or {}).items():
            if field in STATE_FIELDS:
                state[tid][field] = value or ""
    return state


def files(store):
    """Bytes of every file in the store folder."""
    out = {}
    for name in os.listdir(store):
        p = os.path.join(store, name)
        if os.path.isfile(p):
            out[name] = open(p, "rb").read()
    return out


def temp_files(store):
    return [n for n in os.listdir(store) if ".tmp-" in n]
