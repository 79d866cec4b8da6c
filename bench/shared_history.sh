#!/usr/bin/env bash
# Benchmark document history when the SMS is one folder of a large, busy
# repository (issue 12, target 6).
#
#   bench/shared_history.sh [COMMITS]     default 20000
#
# Puts the repository's example SMS in sms/ of a fresh repository, then
# makes COMMITS commits that touch only files outside it (with git
# fast-import, in seconds), so every commit is walked and none is SMS
# history. Builds sms/ in git and a plain copy of it, measured with
# /usr/bin/time -v: the difference is the cost of walking past the
# commits. SMSDOC and AS_OF as for bench/run.sh. Removes its temporary
# folder on exit.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
smsdoc=${SMSDOC:-$root/build/smsdoc}
case $smsdoc in /*) ;; *) smsdoc=$PWD/$smsdoc ;; esac
as_of=${AS_OF:-2026-11-21}
commits=${1:-20000}
[[ $commits =~ ^[0-9]+$ ]] || { echo "shared_history.sh: COMMITS must be a number" >&2; exit 2; }
[ -x "$smsdoc" ] || { echo "shared_history.sh: build smsdoc first (or set SMSDOC)" >&2; exit 2; }

tmp=$(mktemp -d /tmp/smsdoc-shared.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/repo
mkdir -p "$repo/sms"
cp -r "$root/smsdoc.yaml" "$root/policies" "$root/processes" "$root/records" "$repo/sms/"
git() { command git -C "$repo" -c user.name=Bench -c user.email=bench@example.com "$@"; }
git init -q -b main
git add -A
git commit -q -m "The SMS"
echo "shared_history.sh: making $commits commits outside the SMS..." >&2
/usr/bin/python3 - "$commits" <<'PY' | git fast-import --quiet
import sys
out = sys.stdout.buffer
for i in range(int(sys.argv[1])):
    data = b"change %d\n" % i
    out.write(b"commit refs/heads/main\ncommitter Bench <bench@example.com> %d +0000\n"
              b"data 5\nbump\n" % (1760000000 + i * 60))
    if i == 0:
        out.write(b"from refs/heads/main^0\n")
    out.write(b"M 100644 inline other/f%d.txt\ndata %d\n%s\n" % (i % 50, len(data), data))
PY
git reset -q --hard main
cp -r "$repo/sms" "$tmp/plain"

printf '| SMS | commits | wall s | CPU s | peak RSS MiB |\n|---|---|---|---|---|\n'
for case in repo/sms plain; do
  /usr/bin/time -v -o "$tmp/time" "$smsdoc" build --root "$tmp/$case" \
    --out "$tmp/site-${case%%/*}" --as-of "$as_of" >/dev/null 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time" |
         awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$tmp/time")
  cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {printf "%.2f", s}' "$tmp/time")
  printf '| %s | %s | %s | %s | %s |\n' \
    "$([ "$case" = plain ] && echo "outside git" || echo "sms/ of a shared repository")" \
    "$([ "$case" = plain ] && echo - || echo $((commits + 1)))" "$wall" "$cpu" "$rss"
done
