#!/usr/bin/env bash
# Fuzzes the CSV reader, the deadline grammar and the import's readers and interpreter
# (.docx, .xlsx, their XML, web pages, text tables, plans written as prose) with libFuzzer:
#   scripts/fuzz.sh [RUNS]      # default 1,000,000 runs per target; CI passes a small number
# Builds Sources/Model with Tests/Fuzz/FuzzMain.swift under -sanitize=fuzzer,address into
# .build-fuzz/, seeds each corpus from the sample store and the seeds, and prints one line per
# target. Any crash or failed property stops with the input saved under .build-fuzz/.
# The readers (Sources/Readers, Sources/CFormats) are built as modules of their own into a
# second binary, Tests/Fuzz/FuzzReaders.swift its entry; libzip and libxml2 are Debian's,
# loaded as the program loads them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
out=.build-fuzz
mkdir -p "$out"
mapfile -t sources < <(find Sources/Model -name '*.swift' | sort)
if [ ! -x "$out/fuzz" ] || [ -n "$(find Sources/Model Sources/CStore Tests/Fuzz -newer "$out/fuzz" \( -name '*.swift' -o -name '*.[ch]' \) | head -1)" ]; then
  # Model's C helpers (Sources/CStore) under the same sanitizers. The linker's notes about
  # ASan's local symbols are noise; the log keeps them.
  { clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/CStore/include -c Sources/CStore/cstore.c -o "$out/cstore.o" &&
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Model -swift-version 6 \
      -I Sources/CStore/include "${sources[@]}" Tests/Fuzz/FuzzMain.swift "$out/cstore.o" -o "$out/fuzz"
  } > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
fi
seed() {  # corpus folder, files...
  mkdir -p "$1"
  local d=$1; shift
  for f in "$@"; do cp "$f" "$d/$(basename "$f")"; done
}
seed "$out/corpus-csv" sample-data/tasks.csv sample-data/staffing.csv
seed "$out/corpus-text" Tests/Fixtures/seeds/000_*.txt Tests/Fixtures/seeds/004_*.txt Tests/Fixtures/tables/*/table.txt
seed "$out/corpus-prose" Tests/Fixtures/prose/*/plan.txt
mkdir -p "$out/corpus-deadline"
i=0
while IFS= read -r phrase; do
  printf '%s' "$phrase" > "$out/corpus-deadline/p$i"; i=$((i+1))
done < <(cut -d, -f7 sample-data/tasks.csv | sort -u; printf '%s\n' 每年1月31日前 作出行政许可决定之日起7个工作日内 2019年8月-2020年7月 按相关规定要求 二〇一九年十二月底前)
# The readers' binary: Model, CFormats and Readers as modules, each instrumented, linked with
# Tests/Fuzz/FuzzReaders.swift.
mapfile -t readers < <(find Sources/Readers -name '*.swift' | sort)
if [ ! -x "$out/fuzz-readers" ] || [ -n "$(find Sources/Model Sources/Readers Sources/CFormats Tests/Fuzz -newer "$out/fuzz-readers" \( -name '*.swift' -o -name '*.[ch]' \) | head -1)" ]; then
  mods="$out/modules"
  mkdir -p "$mods/CFormats"
  printf 'module CFormats {\n  header "%s"\n  export *\n}\n' "$PWD/Sources/CFormats/include/cformats.h" > "$mods/CFormats/module.modulemap"
  flags=(-O -sanitize=fuzzer,address -parse-as-library -swift-version 6 -wmo -I "$mods" -I Sources/CStore/include)
  { clang -O2 -fsanitize=fuzzer-no-link,address -I /usr/include/libxml2 -I Sources/CFormats/include -c Sources/CFormats/cformats.c -o "$out/cformats.o" &&
    swiftc "${flags[@]}" -module-name Model -emit-module -emit-module-path "$mods/Model.swiftmodule" -emit-object -o "$out/Model.o" "${sources[@]}" &&
    swiftc "${flags[@]}" -module-name Readers -emit-module -emit-module-path "$mods/Readers.swiftmodule" -emit-object -o "$out/Readers.o" "${readers[@]}" &&
    swiftc "${flags[@]}" -module-name FuzzReaders Tests/Fuzz/FuzzReaders.swift "$out/Model.o" "$out/Readers.o" "$out/cformats.o" "$out/cstore.o" -ldl -o "$out/fuzz-readers"
  } >> "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
fi
seed "$out/corpus-docx" Tests/Fixtures/tables/*/table.docx Tests/Fixtures/import/*.docx
seed "$out/corpus-xlsx" Tests/Fixtures/tables/*/table.xlsx Tests/Fixtures/import/*.xlsx
seed "$out/corpus-html" Tests/Fixtures/tables/*/table.html Tests/Fixtures/import/*.html
python3 - "$out" <<'PY'
import glob, os, sys, zipfile
out = sys.argv[1]
for kind, part in (("docxml", "word/document.xml"), ("xlsxml", "xl/worksheets/")):
    os.makedirs(f"{out}/corpus-{kind}", exist_ok=True)
    ext = "docx" if kind == "docxml" else "xlsx"
    for f in glob.glob(f"Tests/Fixtures/tables/*/table.{ext}") + glob.glob(f"Tests/Fixtures/import/*.{ext}"):
        try:
            z = zipfile.ZipFile(f)
        except (zipfile.BadZipFile, RuntimeError):
            continue
        for n in z.namelist():
            if n.startswith(part):
                name = f.replace("/", "_") + "_" + n.replace("/", "_")
                try:
                    open(f"{out}/corpus-{kind}/{name}", "wb").write(z.read(n))
                except RuntimeError:
                    pass
PY
status=0
for target in docx xlsx docxml xlsxml html text prose; do
  start=$(date +%s)
  if FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$out/fuzz-readers" -runs="$runs" -max_len=65536 -rss_limit_mb=4096 -timeout=10 \
      -artifact_prefix="$out/crash-$target-" "$out/corpus-$target" > "$out/$target.log" 2>&1; then
    echo "fuzz $target: $(grep -Eo 'Done [0-9]+ runs' "$out/$target.log" | head -1), 0 crashes ($(( $(date +%s) - start )) s)"
  else
    echo "fuzz $target: CRASH — see $out/$target.log and $out/crash-$target-*"
    tail -20 "$out/$target.log"
    status=1
  fi
done
for target in csv deadline; do
  start=$(date +%s)
  if FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$out/fuzz" -runs="$runs" -max_len=65536 -rss_limit_mb=4096 \
      -artifact_prefix="$out/crash-$target-" "$out/corpus-$target" > "$out/$target.log" 2>&1; then
    echo "fuzz $target: $(grep -Eo 'Done [0-9]+ runs' "$out/$target.log" | head -1), 0 crashes ($(( $(date +%s) - start )) s)"
  else
    echo "fuzz $target: CRASH — see $out/$target.log and $out/crash-$target-*"
    tail -20 "$out/$target.log"
    status=1
  fi
done
exit $status
