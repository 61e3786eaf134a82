#!/usr/bin/env python3
"""Opens a report sanxiang wrote with readers that are not sanxiang's own (openpyxl for
.xlsx, python-docx for .docx) and checks what a person opening it would see: titles,
headers, merges, fonts, page setup, and that no cell can start a formula.

    scripts/check_office_files.py xlsx FILE '{"title": "...", "sheet": "...", ...}'
    scripts/check_office_files.py docx FILE '{"title": "...", "headings": [...], ...}'

Prints one line per problem and exits 1 when there is any; exits 3 (and says so) when
python3 lacks openpyxl or python-docx, so that a test can skip instead of failing.
"""

import json
import sys

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def check_xlsx(path, want):
    try:
        import openpyxl
    except ImportError:
        print("openpyxl is not installed")
        sys.exit(3)
    problems = []
    wb = openpyxl.load_workbook(path)
    if "sheets" in want and wb.sheetnames != want["sheets"]:
        problems.append(f"sheets {wb.sheetnames} != {want['sheets']}")
    for name in want.get("hidden", []):
        if wb[name].sheet_state != "hidden":
            problems.append(f"sheet {name} is {wb[name].sheet_state}, not hidden")
    if "title" in want and wb.properties.title != want["title"]:
        problems.append(f"document title {wb.properties.title!r} != {want['title']!r}")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "s" and isinstance(c.value, str) and c.value.startswith(FORMULA_STARTS):
                    problems.append(f"{ws.title}!{c.coordinate} starts a formula: {c.value!r}")
                if c.data_type == "f":
                    problems.append(f"{ws.title}!{c.coordinate} is a formula: {c.value!r}")
    for s in want.get("checks", []):
        ws = wb[s["sheet"]]
        if "title" in s and ws["A1"].value != s["title"]:
            problems.append(f"{ws.title}!A1 {ws['A1'].value!r} != {s['title']!r}")
        if "header_row" in s:
            r = s["header_row"]
            got = [c.value for c in ws[r]][: len(s["header"])]
            if got != s["header"]:
                problems.append(f"{ws.title} row {r}: {got} != {s['header']}")
            if ws.print_title_rows != f"${r}:${r}":
                problems.append(f"{ws.title}: rows printed on every page {ws.print_title_rows!r}, not ${r}:${r}")
            if ws.freeze_panes != f"A{r + 1}":
                problems.append(f"{ws.title}: frozen at {ws.freeze_panes}, not A{r + 1}")
            font = ws.cell(row=r, column=1).font
            if font.name != s.get("font", "宋体") or not font.b:
                problems.append(f"{ws.title}: header font {font.name} bold={font.b}")
        merged = {str(m) for m in ws.merged_cells.ranges}
        for m in s.get("merges", []):
            if m not in merged:
                problems.append(f"{ws.title}: {m} is not merged (merged: {sorted(merged)})")
        setup = ws.page_setup
        if str(setup.paperSize) != "9":
            problems.append(f"{ws.title}: paper {setup.paperSize}, not A4 (9)")
        if setup.orientation != s.get("orientation", "landscape"):
            problems.append(f"{ws.title}: {setup.orientation}, not {s.get('orientation', 'landscape')}")
        if s.get("fit", True):
            if not ws.sheet_properties.pageSetUpPr.fitToPage or setup.fitToWidth not in (None, 1) or setup.fitToHeight != 0:
                problems.append(f"{ws.title}: not fitted to one page wide ({setup.fitToWidth} x {setup.fitToHeight})")
        for col in s.get("hidden_columns", []):
            if not ws.column_dimensions[col].hidden:
                problems.append(f"{ws.title}: column {col} is not hidden")
        for ref, value in s.get("cells", {}).items():
            if ws[ref].value != value and str(ws[ref].value) != value:
                problems.append(f"{ws.title}!{ref} {ws[ref].value!r} != {value!r}")
        for ref in s.get("wrapped", []):
            if not ws[ref].alignment.wrap_text:
                problems.append(f"{ws.title}!{ref} does not wrap")
        if "choices" in s:
            lists = [v.formula1 for v in ws.data_validations.dataValidation if v.type == "list"]
            if f'"{s["choices"]}"' not in lists:
                problems.append(f"{ws.title}: no list {s['choices']!r} to pick from ({lists})")
        if "footer" in s and (ws.oddFooter.center.text or "") != s["footer"]:
            problems.append(f"{ws.title}: footer {ws.oddFooter.center.text!r} != {s['footer']!r}")
    return problems


def check_docx(path, want):
    try:
        import docx
        from docx.shared import Mm
    except ImportError:
        print("python-docx is not installed")
        sys.exit(3)
    problems = []
    d = docx.Document(path)
    if "title" in want:
        if d.core_properties.title != want["title"]:
            problems.append(f"document title {d.core_properties.title!r} != {want['title']!r}")
        titles = [p.text for p in d.paragraphs if p.style.name == "Title"]
        if titles != [want["title"]]:
            problems.append(f"Title paragraphs {titles} != {[want['title']]}")
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    if "headings" in want and headings != want["headings"]:
        problems.append(f"headings {headings} != {want['headings']}")
    body = [p.text for p in d.paragraphs if p.style.name == "Normal" and p.text]
    for text in want.get("paragraphs", []):
        if text not in body:
            problems.append(f"no paragraph {text!r} in {body}")
    tables = [[c.text for c in t.rows[0].cells] for t in d.tables]
    if "table_headers" in want and tables != want["table_headers"]:
        problems.append(f"table headers {tables} != {want['table_headers']}")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for t in d.tables:
        first = t.rows[0]._tr
        if first.find(f"{w}trPr/{w}tblHeader") is None:
            problems.append("a table's header row is not repeated on every page")
    for style, font in want.get("fonts", {}).items():
        rfonts = d.styles[style].element.find(f"{w}rPr/{w}rFonts")
        got = None if rfonts is None else rfonts.get(f"{w}eastAsia")
        if got != font:
            problems.append(f"style {style}: east-asian font {got!r}, not {font!r}")
    for s in d.sections:
        if abs(s.page_width - Mm(210)) > Mm(1) or abs(s.page_height - Mm(297)) > Mm(1):
            problems.append(f"page {s.page_width.mm:.0f} x {s.page_height.mm:.0f} mm, not A4")
        if s.left_margin < Mm(20) or s.right_margin < Mm(20) or s.top_margin < Mm(25):
            problems.append("margins narrower than a printer can print")
    return problems


def main():
    kind, path, want = sys.argv[1], sys.argv[2], json.loads(sys.argv[3] if len(sys.argv) > 3 else "{}")
    problems = check_xlsx(path, want) if kind == "xlsx" else check_docx(path, want)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
