#!/usr/bin/env bash
# Benchmark reading document history from git.
#
#   bench/history.sh [N] [COMMITS]     defaults: 1000 items, 500 commits
#
# Generates an SMS of N items with bench/gen_sms.py in a fresh git
# repository, then makes COMMITS commits, each editing the body of 1% of
# the documents (every tenth commit with an Approved-by trailer; renames
# would break the generated relative links, the tests cover them). Builds it in git and the same files outside git,
# measured with /usr/bin/time -v: the difference is the history walk.
# SMSDOC and AS_OF as for bench/run.sh. Removes its temporary folder on exit.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
smsdoc=${SMSDOC:-$root/build/smsdoc}
case $smsdoc in /*) ;; *) smsdoc=$PWD/$smsdoc ;; esac
as_of=${AS_OF:-2026-11-21}
n=${1:-1000}
commits=${2:-500}
[ -x "$smsdoc" ] || { echo "history.sh: build smsdoc first (or set SMSDOC)" >&2; exit 2; }

tmp=$(mktemp -d /tmp/smsdoc-history.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/repo
/usr/bin/python3 "$here/gen_sms.py" -q "$n" "$repo"
git() { command git -C "$repo" -c user.name=Bench -c user.email=bench@example.com "$@"; }
git init -q -b main
git add -A
git commit -q -m "Generated SMS"

echo "history.sh: making $commits commits..." >&2
/usr/bin/python3 - "$repo" "$commits" <<'PY'
import os, random, subprocess, sys
repo, commits = sys.argv[1], int(sys.argv[2])
rng = random.Random(1)
docs = sorted(os.path.join(d, f) for top in ("policies", "processes")
              for d, _, fs in os.walk(os.path.join(repo, top)) for f in fs if f.endswith(".md"))
env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@example.com",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@example.com")
for c in range(commits):
    for path in rng.sample(docs, max(1, len(docs) // 100)):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("\nRevision %d adds a sentence.\n" % c)
    msg = "Revision %d" % c + ("\n\nApproved-by: sms-manager" if c % 10 == 0 else "")
    stamp = "2026-%02d-%02dT10:00:00+0000" % (1 + c * 10 // commits, 1 + c % 28)
    env.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    subprocess.run(["git", "-C", repo, "commit", "-qam", msg], check=True, env=env)
PY

plain=$tmp/plain
mkdir "$plain"
(cd "$repo" && tar --exclude=.git -cf - .) | (cd "$plain" && tar -xf -)
printf '| SMS | items | commits | wall s | CPU s | peak RSS MiB |\n|---|---|---|---|---|---|\n'
for case in repo plain; do
  dir=$tmp/$case
  /usr/bin/time -v -o "$tmp/time" "$smsdoc" build --root "$dir" --out "$tmp/site-$case" \
    --as-of "$as_of" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time" |
         awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$tmp/time")
  cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {printf "%.2f", s}' "$tmp/time")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$([ $case = repo ] && echo "in git" || echo "outside git")" \
    "$n" "$([ $case = repo ] && echo $((commits + 1)) || echo -)" "$wall" "$cpu" "$rss"
done
