#!/usr/bin/env bash
# Prints the dashboard as a real terminal shows it (tmux capture-pane), for the README:
#   scripts/capture-dashboard.sh [WIDTHxHEIGHT] [keys...]
# runs on a scratch copy of sample-data/ with --today 2019-09-20 under a Chinese locale.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100x30}; shift || true
swift build --product sanxiang >/dev/null
store=$(mktemp -d)/store
cp -r sample-data "$store"
sock=capture-$$
tmux -L "$sock" new-session -d -x "${size%x*}" -y "${size#*x}" \
  "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=screen-256color LANG=zh_CN.UTF-8 bash --norc --noprofile"
trap 'tmux -L "$sock" kill-server; rm -rf "$(dirname "$store")"' EXIT
tmux -L "$sock" send-keys "$PWD/.build/debug/sanxiang --store $store --today 2019-09-20" Enter
sleep 1.5
for k in "$@"; do tmux -L "$sock" send-keys "$k"; sleep 0.3; done
tmux -L "$sock" capture-pane -p
tmux -L "$sock" send-keys q
