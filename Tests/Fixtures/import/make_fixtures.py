#!/usr/bin/env python3
"""Writes the small import fixtures beside this file (Python's standard library only; the
files are committed, so tests need neither this script nor LibreOffice):

  restart.docx     title paragraphs, an information table before the allocation table, a
                   header over three columns (category, number, text), a theme merge that
                   restarts mid-table (as Word does at a page break), tracked changes, <w:br>
  dates.xlsx       an empty first sheet, a title row merged across, shared and inline strings,
                   numbers written 1.0, date serials, a two-row header (责任单位 over 牵头/配合)
  gb18030.csv      GB18030 as Excel writes it in China; numbering that restarts per category
  gbk.html         a page declaring charset=gbk, its table inside a layout table, entities, <br>
  notable.docx     a document without a table
  corrupt.docx     a .docx cut short
  encrypted.xlsx   a ZIP whose entries carry the encryption flag

old.doc and old.xls are not made here: LibreOffice saved them from
Tests/Fixtures/tables/06-taishan-wglt/table.docx and 01-chizhou-xfj/table.xlsx
(`soffice --headless --convert-to doc|xls`); the test that reads them runs only where
LibreOffice is installed.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def p(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(inner, span=1, vmerge=None):
    pr = ""
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{inner}</w:tc>"


def tr(*cells):
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def docx(path, body):
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", doc)


def restart_docx():
    info = "<w:tbl>" + tr(tc(p("填报单位")), tc(p("某局办公室"))) + tr(tc(p("联系人")), tc(p("王芳"))) + "</w:tbl>"
    head = tr(tc(p("工作任务"), span=3), tc(p("责任单位")), tc(p("完成时限")))
    rows = [
        tr(tc(p("一、规范公开"), vmerge="restart"), tc(p("1")),
           tc('<w:p><w:r><w:t>公开权责清单，</w:t></w:r><w:r><w:br/><w:t>动态调整。</w:t></w:r></w:p>'),
           tc(p("办公室牵头，各科室配合")), tc(p("2021年6月底前"))),
        tr(tc("<w:p/>", vmerge="continue"), tc(p("2")),
           tc('<w:p><w:r><w:t>编制</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>年度</w:t></w:r></w:ins>'
              '<w:del w:id="2" w:author="a"><w:r><w:delText>季度</w:delText></w:r></w:del><w:r><w:t>报告。</w:t></w:r></w:p>'),
           tc(p("法制科")), tc(p("2021年12月底前"))),
        # Word restarts the merge on the next page: the same category, an empty restart cell.
        tr(tc("<w:p/>", vmerge="restart"), tc(p("3")), tc(p("开展专项检查。")), tc(p("执法监督科")), tc(p("持续推进"))),
        tr(tc(p("二、强化监督"), vmerge="restart"), tc(p("4")), tc(p("建立投诉处理机制。")),
           tc(p("局防控办主办、各工作组协办")), tc(p("2021年9月底前"))),
        tr(tc("<w:p/>", vmerge="continue"), tc(p("5")), tc(p("定期通报情况。")), tc(p("督查室")), tc(p("每年1月31日前"))),
    ]
    table = "<w:tbl>" + head + "".join(rows) + "</w:tbl>"
    body = p("附件") + p("某局2021年政务公开重点工作任务分工表") + info + p("") + table
    docx(os.path.join(HERE, "restart.docx"), body)


def dates_xlsx():
    strings = ["某局2021年工作任务分工", "序号", "工作措施", "责任单位", "完成时间", "牵头", "配合", "公开财政预算。", "办公室", "财务科"]
    sst = "".join(f"<si><t>{s}</t></si>" for s in strings)

    def c(ref, v, t=None, s=None):
        a = f' t="{t}"' if t else ""
        a += f' s="{s}"' if s is not None else ""
        if t == "inlineStr":
            return f'<c r="{ref}"{a}><is><t>{v}</t></is></c>'
        return f'<c r="{ref}"{a}><v>{v}</v></c>'

    rows = [
        [c("A1", 0, "s")],
        [c("A2", 1, "s"), c("B2", 2, "s"), c("C2", 3, "s"), c("E2", 4, "s")],
        [c("C3", 5, "s"), c("D3", 6, "s")],
        [c("A4", "1.0"), c("B4", 7, "s"), c("C4", 8, "s"), c("D4", 9, "s"), c("E4", "44377", s=1)],
        [c("A5", "2"), c("B5", "开展培训，每年不少于2次。", "inlineStr"), c("C5", "法制科", "inlineStr"), c("E5", "44561.0", s=1)],
        [c("A6", "3"), c("B6", "更新事项清单。", "inlineStr"), c("C6", "法制科", "inlineStr"), c("E6", "持续推进", "inlineStr")],
    ]
    sheet_data = "".join(f'<row r="{i + 1}">{"".join(r)}</row>' for i, r in enumerate(rows))
    merges = '<mergeCells count="5"><mergeCell ref="A1:E1"/><mergeCell ref="A2:A3"/><mergeCell ref="B2:B3"/>' \
             '<mergeCell ref="C2:D2"/><mergeCell ref="E2:E3"/></mergeCells>'
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(os.path.join(HERE, "dates.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("xl/workbook.xml",
                   f'<workbook {ns}><sheets><sheet name="说明" sheetId="1" r:id="rId1"/>'
                   f'<sheet name="分工表" sheetId="2" r:id="rId2"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>'
                   '<Relationship Id="rId2" Type="worksheet" Target="worksheets/sheet2.xml"/></Relationships>')
        z.writestr("xl/sharedStrings.xml", f'<sst {ns}>{sst}</sst>')
        z.writestr("xl/styles.xml",
                   f'<styleSheet {ns}><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
                   '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176"/></cellXfs></styleSheet>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet {ns}><sheetData/></worksheet>')
        z.writestr("xl/worksheets/sheet2.xml", f'<worksheet {ns}><sheetData>{sheet_data}</sheetData>{merges}</worksheet>')


def gb18030_csv():
    text = ("附件1,,,\r\n"
            "某局行政执法公示工作任务表,,,\r\n"
            "类别,序号,工作内容,责任科室\r\n"
            "事前公开,1,公开执法主体。,法制科\r\n"
            ",2,\"公开执法依据，\r\n动态调整。\",\"办公室、法制科\"\r\n"
            "事后公开,1,公开处罚决定。,执法一科\r\n"
            ",2,公开抽查结果。,执法二科\r\n")
    open(os.path.join(HERE, "gb18030.csv"), "wb").write(text.encode("gb18030"))


def gbk_html():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>分工</title></head><body>'
            '<table width="100%"><tr><td><h2>某局重点任务分工表</h2>'
            '<table border="1"><tr><td>序 号</td><td>具 体 措 施</td><td>牵头单位</td><td>配合单位</td><td>时间节点</td></tr>'
            '<tr><td>1</td><td>公开&ldquo;双随机&rdquo;抽查结果&amp;处理情况。</td><td>执法科</td><td>办公室<br>法制科</td><td>2021年8月前</td></tr>'
            '<tr><td>2</td><td><p>健全制度；</p><p>加强培训。</p></td><td>法制科</td><td></td><td>长期坚持</td></tr>'
            '</table></td></tr></table></body></html>')
    open(os.path.join(HERE, "gbk.html"), "wb").write(page.encode("gbk"))


def broken():
    data = open(os.path.join(HERE, "restart.docx"), "rb").read()
    open(os.path.join(HERE, "corrupt.docx"), "wb").write(data[: len(data) // 2])
    src = open(os.path.join(HERE, "dates.xlsx"), "rb").read()
    # Set bit 0 (encrypted) of every central directory entry's flags.
    b = bytearray(src)
    i = b.find(b"PK\x01\x02")
    while i >= 0:
        b[i + 8] |= 1
        i = b.find(b"PK\x01\x02", i + 4)
    open(os.path.join(HERE, "encrypted.xlsx"), "wb").write(bytes(b))


if __name__ == "__main__":
    restart_docx()
    dates_xlsx()
    gb18030_csv()
    gbk_html()
    broken()
    docx(os.path.join(HERE, "notable.docx"), p("通知") + p("各科室：请按要求落实。"))
