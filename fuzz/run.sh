#!/usr/bin/env bash
# Fuzzes each target of a SMSDOC_FUZZ build for SECONDS, from seeds made by
# make_seeds.sh plus the corpus kept in BUILD/fuzz/corpus from earlier runs.
# Fails on any crash, leak, timeout or out-of-memory; the input that did it
# is left in BUILD/fuzz/artifacts/ (tests/README.md, "Sanitizers and fuzzing").
#   fuzz/run.sh BUILD SECONDS
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1 seconds=$2
work=$build/fuzz
fuzz/make_seeds.sh . "$work/seeds"

status=0
for target in front_matter markdown pipeline; do
  mkdir -p "$work/corpus/$target" "$work/artifacts/$target"
  log=$work/$target.log
  echo "fuzz: $target for ${seconds} s"
  if ! "$build/fuzz/${target}_fuzz" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -dict=fuzz/smsdoc.dict -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/$target/" \
      "$work/corpus/$target" "$work/seeds/$target" "fuzz/regressions/$target" \
      >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $target FAILED; input in $work/artifacts/$target/, log $log" >&2
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | sed 's/^/  /' || true
done
exit $status
