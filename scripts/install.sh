#!/usr/bin/env bash
# Builds a release sanxiang and puts it on PATH:
#   scripts/install.sh [PREFIX]    # installs PREFIX/bin/sanxiang
# Without PREFIX: /usr/local when it can be written (it is on everyone's PATH), else ~/.local.
set -euo pipefail
cd "$(dirname "$0")/.."
zh=false
case "${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in zh*) zh=true ;; esac
say() { if $zh; then echo "$1"; else echo "$2"; fi; }
prefix=${1:-}
if [ -z "$prefix" ]; then
  if [ -w /usr/local/bin ]; then prefix=/usr/local; else prefix=$HOME/.local; fi
fi
swift build -c release --product sanxiang
install -d "$prefix/bin"
install -m 755 "$(swift build -c release --show-bin-path)/sanxiang" "$prefix/bin/sanxiang"
say "已安装 $prefix/bin/sanxiang" "installed $prefix/bin/sanxiang"
case ":$PATH:" in
  *":$prefix/bin:"*) say "可以直接运行：sanxiang --help" "run it: sanxiang --help" ;;
  *) say "注意：$prefix/bin 不在 PATH 中；请执行 export PATH=\"$prefix/bin:\$PATH\"（可写入 ~/.profile）" \
       "note: $prefix/bin is not on PATH; run export PATH=\"$prefix/bin:\$PATH\" (and add it to ~/.profile)" ;;
esac
