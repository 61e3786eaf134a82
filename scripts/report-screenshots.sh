#!/usr/bin/env bash
# The pictures in docs/REPORTS.md and the README: the sample plan's ledger, report and a
# three-agency 通报, as LibreOffice prints them (soffice --convert-to pdf, then pdftoppm).
# Needs LibreOffice and poppler-utils; for the Chinese to look as it does in an office, a CJK
# font (Debian's fonts-noto-cjk), which this script maps 宋体 and 仿宋 to for the conversion only.
#
#   scripts/report-screenshots.sh [BIN]      # BIN: a built sanxiang (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/sanxiang}
out=docs/reports
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# 宋体 and 仿宋 to Noto Serif CJK, 黑体 to Noto Sans CJK, for LibreOffice's conversion only.
cat >"$work/fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
EOF
export FONTCONFIG_FILE="$work/fonts.conf"

run() { LANG=zh_CN.UTF-8 SANXIANG_NOW=2019-09-20T10:00:00+08:00 "$bin" "$@" >/dev/null; }
run report --store sample-data --today 2019-09-20 --format xlsx --since 2019-09-01 -o "$work/ledger.xlsx"
run report --store sample-data --today 2019-09-20 --format docx --since 2019-09-14 -o "$work/report.docx"

# Three agencies: the sample as it is, one further along, one quiet since August.
mkdir -p "$work/agencies"
cp -r sample-data "$work/agencies/甲区"
cp -r sample-data "$work/agencies/乙区"
sed -i 's/^agency = .*/agency = 乙区税务局/' "$work/agencies/乙区/plan.ini"
run done 2 27 --on 2019-09-20 --store "$work/agencies/乙区" --as 赵强
SANXIANG_NOW=2019-08-01T09:00:00+08:00 "$bin" import Tests/Fixtures/seeds/000_de8e65a7f89fc84c.txt \
  --into "$work/agencies/丙县" --agency 丙县税务局 >/dev/null
run rollup "$work/agencies" --today 2019-09-20 --format xlsx -o "$work/circular-sheets.xlsx"
run rollup "$work/agencies" --today 2019-09-20 --format docx -o "$work/circular.docx"

for f in ledger.xlsx report.docx circular-sheets.xlsx circular.docx; do
  soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/$f" >/dev/null
done
# One page each (the report's first two), named NAME-PAGE.png.
pdftoppm -png -r 80 -f 1 -l 1 "$work/ledger.pdf" "$out/ledger"
pdftoppm -png -r 60 -f 1 -l 2 "$work/report.pdf" "$out/report"
pdftoppm -png -r 80 -f 1 -l 1 "$work/circular-sheets.pdf" "$out/circular-sheets"
pdftoppm -png -r 60 -f 1 -l 1 "$work/circular.pdf" "$out/circular"
ls -la "$out"
