#!/usr/bin/env bash
# Benchmark `smsdoc build` on generated corpora.
#
#   bench/run.sh [N ...]            default N values: 1000 10000
#   RISKS=100000 bench/run.sh 0     the register benchmark alone
#
# Environment:
#   SMSDOC     smsdoc binary (default: build/smsdoc in the repository root)
#   SEED       generator seed (default 1)
#   GEN_FLAGS  extra generator flags, e.g. --gfm-heavy
#   REPEAT     builds per (N, jobs) pair (default 1); every build is a row
#   SITE_BASE  folder in which to write the built sites (default: the
#              temporary folder under /tmp); /dev/shm takes the disk out
#   AS_OF      --as-of date of every build (default 2026-11-21), so the
#              registers' overdue/expired marks do not change from day to day
#   RISKS      register benchmark: number of risk records (default 100000;
#              0 skips it)
#   ITSM       import benchmark: rows of one ServiceNow incident export (CSV)
#              and as many Jira requests (JSON, REST search result), each
#              (bench/itsm_exports.py) timed by `smsdoc check` (default
#              10000; 0 skips it)
#
# This script builds nothing: compile smsdoc first. For each N it generates a
# corpus with bench/gen_sms.py into a temporary folder under /tmp, builds it
# with the tool's default worker count and then with --jobs 1, each time
# into a new output folder, measured by /usr/bin/time -v. Then the register
# benchmark: `gen_sms.py RISKS DIR --risks-only` (RISKS risk records beside
# ten documents), built with the default worker count; its table adds the
# size of site/registers/risk-register.xlsx. Nothing is deleted until the
# end, when the whole temporary folder is removed (on exit, also on failure
# or Ctrl-C).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

smsdoc=${SMSDOC:-$root/build/smsdoc}
case $smsdoc in /*) ;; *) smsdoc=$PWD/$smsdoc ;; esac
seed=${SEED:-1}
repeat=${REPEAT:-1}
gen_flags=${GEN_FLAGS:-}
as_of=${AS_OF:-2026-11-21}
risks=${RISKS:-100000}
itsm=${ITSM:-10000}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

if [ ! -x /usr/bin/time ]; then
  echo "run.sh: /usr/bin/time is missing; it measures wall time and peak RSS." >&2
  echo "run.sh: install it with: apt-get install time   (the Debian package 'time')" >&2
  exit 2
fi
if [ ! -x "$smsdoc" ]; then
  echo "run.sh: smsdoc binary not found or not executable: $smsdoc" >&2
  echo "run.sh: build it first, or set SMSDOC=/path/to/smsdoc" >&2
  exit 2
fi
if [ ! -x /usr/bin/python3 ]; then
  echo "run.sh: /usr/bin/python3 is needed to run bench/gen_sms.py" >&2
  exit 2
fi
for n in "${sizes[@]}"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "run.sh: N must be a number (0 skips), got '$n'" >&2; exit 2; }
done
[[ $risks =~ ^[0-9]+$ ]] || { echo "run.sh: RISKS must be a number (0 skips), got '$risks'" >&2; exit 2; }

work=$(mktemp -d /tmp/smsdoc-bench.XXXXXX)
sites=$work
if [ -n "${SITE_BASE:-}" ]; then
  sites=$(mktemp -d "$SITE_BASE/smsdoc-bench-sites.XXXXXX")
fi
trap 'rm -rf "$work" "$sites"' EXIT

# background_load: percent of all CPUs busy during one second (from
# /proc/stat), measured just before a build to show other load on the machine.
background_load() {
  local a b
  a=$(head -n 1 /proc/stat)
  sleep 1
  b=$(head -n 1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN {
    split(a, x); split(b, y); tot = 0; idle = 0
    for (i = 2; i <= 11; i++) { d = y[i] - x[i]; tot += d; if (i == 5 || i == 6) idle += d }
    printf "%d%%", (tot > 0) ? 100 * (tot - idle) / tot + 0.5 : 0
  }'
}

results=()
risk_results=()
run_no=0
# measure DIR N JOBS_LABEL [smsdoc args...]: one measured build of DIR;
# leaves the table row in $row and the site's folder in $last_site.
row=
last_site=
measure() {
  local dir=$1 n=$2 label=$3; shift 3
  # A new output folder each time, and nothing deleted until the end: on
  # ext4, creating files just after many were deleted is markedly slower
  # (about 2 s more at N = 10000), which would skew every build but the first.
  run_no=$((run_no + 1))
  local out=$sites/site-${dir##*/}-$run_no
  local bg
  bg=$(background_load)
  local rc=0
  last_site=$out
  /usr/bin/time -v -o "$work/time.txt" "$smsdoc" build --root "$dir" --out "$out" \
      --as-of "$as_of" "$@" >"$work/out.txt" 2>"$work/err.txt" || rc=$?
  if [ $rc -ne 0 ]; then
    echo "run.sh: smsdoc build failed (exit $rc) for N=$n, jobs=$label:" >&2
    tail -n 20 "$work/err.txt" >&2
    exit 1
  fi
  local diags
  diags=$(cat "$work/err.txt" "$work/out.txt" | { grep -cE ': (error|warning): ' || true; })
  # Elapsed is "m:ss.ss" or "h:mm:ss"; RSS is in KiB.
  row=$(awk -v n="$n" -v jobs="$label" -v diags="$diags" -v bg="$bg" '
    /Elapsed \(wall clock\) time/ {
      t = $NF; k = split(t, p, ":"); s = 0
      for (i = 1; i <= k; i++) s = s * 60 + p[i]
      wall = s
    }
    /Maximum resident set size/ { rss = $NF / 1024 }
    /Percent of CPU this job got/ { cpu = $NF }
    /User time \(seconds\)/ { user = $NF }
    /System time \(seconds\)/ { sys = $NF }
    END {
      ips = (wall > 0) ? n / wall : 0
      printf "%7d  %-8s %9.2f %9.0f %9.1f %8.2f %8.2f %6s %6d %5s\n", n, jobs, wall, ips, rss, user, sys, cpu, diags, bg
    }' "$work/time.txt")
}

nproc_=$(nproc)
header() {
  printf "%7s  %-8s %9s %9s %9s %8s %8s %6s %6s %5s%s\n" "N" "jobs" "wall (s)" "items/s" \
    "RSS (MiB)" "user (s)" "sys (s)" "CPU" "diags" "bg" "$1"
}

echo "smsdoc bench: $smsdoc; seed $seed; nproc $nproc_; generator flags '${gen_flags}'; as of $as_of; sites in $sites" >&2
for n in "${sizes[@]}"; do
  [ "$n" -gt 0 ] || continue
  dir=$work/sms-$n
  # shellcheck disable=SC2086
  /usr/bin/python3 "$here/gen_sms.py" "$n" "$dir" --seed "$seed" $gen_flags -q
  echo "generated N=$n: $(du -sh "$dir" | cut -f1) in $(find "$dir" -type f | wc -l) files" >&2
  for ((r = 0; r < repeat; r++)); do
    for jobs in default 1; do
      args=()
      [ "$jobs" = default ] || args=(--jobs "$jobs")
      measure "$dir" "$n" "$jobs" "${args[@]}"
      results+=("$row")
      echo "$row" >&2
    done
  done
done

# The register benchmark: RISKS risk records, default worker count. N counts
# the risks only (the ten documents beside them are left out).
if [ "$risks" -gt 0 ]; then
  dir=$work/risks-$risks
  /usr/bin/python3 "$here/gen_sms.py" "$risks" "$dir" --seed "$seed" --risks-only -q
  echo "generated $risks risks: $(du -sh "$dir" | cut -f1) in $(find "$dir" -type f | wc -l) files" >&2
  for ((r = 0; r < repeat; r++)); do
    measure "$dir" "$risks" "default"
    xlsx=$last_site/registers/risk-register.xlsx
    if [ -f "$xlsx" ]; then
      row+=$(awk -v b="$(stat -c %s "$xlsx")" 'BEGIN { printf " %10.1f", b / 1048576 }')
    else
      row+=$(printf " %10s" "missing")
    fi
    risk_results+=("$row")
    echo "$row" >&2
  done
fi

# The import benchmark: one CSV export of ITSM rows, then one JSON export
# of as many Jira requests, each read by `check` (load, link and checks; no
# pages), so the figure is the import's own cost.
itsm_rows=()
if [ "$itsm" -gt 0 ]; then
  for format in csv json; do
    dir=$work/itsm-$format-$itsm
    mkdir -p "$dir/records/itsm"
    if [ "$format" = csv ]; then
      import='{files: records/itsm/*.csv, kind: incident, preset: servicenow}'
      what="incident rows"
    else
      import='{files: records/itsm/*.json, kind: service-request, preset: jira}'
      what="Jira requests"
    fi
    printf 'organization: Bench\nscope: All.\nroles:\n  sms-manager: {title: SMS Manager}\n%s\n' \
      "imports: [$import]" >"$dir/smsdoc.yaml"
    /usr/bin/python3 "$here/itsm_exports.py" --rows "$itsm" "$dir/records/itsm/export.$format"
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$smsdoc" check --root "$dir" --as-of "$as_of" \
        >/dev/null 2>&1 || true
    read -r wall rss <"$work/time.txt"
    row=$(printf "import: %d %s (%s MiB %s): check %s s, peak RSS %d MiB" "$itsm" "$what" \
        "$(du -m "$dir/records/itsm/export.$format" | cut -f1)" "${format^^}" "$wall" \
        $((rss / 1024)))
    itsm_rows+=("$row")
    echo "$row" >&2
  done
fi

echo
if [ ${#results[@]} -gt 0 ]; then
  header ""
  for row in "${results[@]}"; do echo "$row"; done
  echo
fi
if [ ${#risk_results[@]} -gt 0 ]; then
  echo "Register benchmark: N risk records (--risks-only), sites and risk-register.xlsx:"
  header "  xlsx (MiB)"
  for row in "${risk_results[@]}"; do echo "$row"; done
  echo
fi
if [ ${#itsm_rows[@]} -gt 0 ]; then printf '%s\n' "${itsm_rows[@]}"; echo; fi
echo "jobs 'default' = smsdoc's own default worker count (nproc here: $nproc_)."
echo "bg = CPU busy in the second before the build, in % of all cores: other load skews the figures."
