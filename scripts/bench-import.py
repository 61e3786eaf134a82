#!/usr/bin/env python3
"""Times `sanxiang import` of a 100-row allocation table as a whole process, as .docx and as
.xlsx (the issue's budget: 50 ms each), into a new store each run.

  scripts/bench-import.py [--bin .build/release/sanxiang] [--rows 100] [--runs 20] [--json FILE]

The tables are written here with Python's standard library (a header, a theme merged over
each five rows, a number, a measure, a lead cell with role words, a deadline), so the
benchmark needs nothing but the binary. Prints the median and the range in milliseconds.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
DEADLINES = ["2021年6月底前", "持续推进", "2021年12月底前", "每年1月31日前", "长期坚持"]
MEASURE = "按照要求，公开行政执法主体、人员、职责、权限、依据、程序、救济渠道和随机抽查事项清单等信息，并动态调整，确保内容准确完整。"


def rows(n):
    for i in range(n):
        yield (f"{i // 5 + 1}、推进第{i // 5 + 1}项重点工作", str(i + 1), f"{i + 1}. {MEASURE}",
               "办公室牵头，各科室配合" if i % 3 == 0 else "法制科", DEADLINES[i % len(DEADLINES)])


def docx(path, n):
    def tc(text, merge=None):
        pr = '<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>" if merge else ""
        body = f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p>' if text else "<w:p/>"
        return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>"
    out = ["<w:tr>" + "".join(tc(h) for h in ["工作任务", "序号", "具体措施", "责任单位", "完成时限"]) + "</w:tr>"]
    for i, (theme, num, measure, lead, deadline) in enumerate(rows(n)):
        first = tc(theme, "restart") if i % 5 == 0 else tc("", "continue")
        out.append("<w:tr>" + first + tc(num) + tc(measure) + tc(lead) + tc(deadline) + "</w:tr>")
    doc = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
           f'<w:p><w:r><w:t>某局2021年工作任务分工表</w:t></w:r></w:p><w:tbl>{"".join(out)}</w:tbl></w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", doc)


def xlsx(path, n):
    def c(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    header = ["工作任务", "序号", "具体措施", "责任单位", "完成时限"]
    out = ['<row r="1">' + "".join(c(f"{'ABCDE'[k]}1", h) for k, h in enumerate(header)) + "</row>"]
    merges = []
    for i, row in enumerate(rows(n)):
        r = i + 2
        cells = [c(f"{'ABCDE'[k]}{r}", v) for k, v in enumerate(row) if not (k == 0 and i % 5)]
        out.append(f'<row r="{r}">' + "".join(cells) + "</row>")
        if i % 5 == 0:
            merges.append(f'<mergeCell ref="A{r}:A{min(r + 4, n + 1)}"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", f'<workbook {S} xmlns:r="r"><sheets><sheet name="分工" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet {S}><sheetData>{"".join(out)}</sheetData>'
                   f'<mergeCells>{"".join(merges)}</mergeCells></worksheet>')


def timed(binary, table, runs):
    times = []
    for k in range(runs + 1):
        store = tempfile.mkdtemp(prefix="bench-import.")
        shutil.rmtree(store)
        t = time.perf_counter()
        p = subprocess.run([binary, "import", table, "--into", store, "--lang", "en"], capture_output=True)
        dt = (time.perf_counter() - t) * 1000
        shutil.rmtree(store, ignore_errors=True)
        if p.returncode != 0:
            sys.exit(f"import failed: {p.stderr.decode()}")
        if k:  # the first run warms the page cache
            times.append(dt)
    return statistics.median(times), min(times), max(times)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--bin", default=".build/release/sanxiang")
    a.add_argument("--rows", type=int, default=100)
    a.add_argument("--runs", type=int, default=20)
    a.add_argument("--json")
    args = a.parse_args()
    work = tempfile.mkdtemp(prefix="bench-import.")
    results = {}
    try:
        for kind, make in (("docx", docx), ("xlsx", xlsx)):
            path = os.path.join(work, f"table.{kind}")
            make(path, args.rows)
            med, lo, hi = timed(args.bin, path, args.runs)
            results[kind] = {"rows": args.rows, "median_ms": round(med, 1), "min_ms": round(lo, 1), "max_ms": round(hi, 1)}
            print(f"import {args.rows}-row .{kind}: {med:.1f} ms ({lo:.1f}–{hi:.1f}), median of {args.runs}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        json.dump(results, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    main()
