#!/usr/bin/env bash
# Assembles the seed corpora of the fuzz targets from the example SMS and
# the fixture SMSs, so that no copies are committed:
#   fuzz/make_seeds.sh REPO_ROOT OUT   fills OUT/front_matter, OUT/markdown, OUT/pipeline
set -euo pipefail
root=$(cd "$1" && pwd) out=$2
rm -rf "$out"
mkdir -p "$out"/{front_matter,markdown,pipeline}

# The content files of one SMS folder, sorted.
files() { find "$1" -type f -name "$2" 2>/dev/null | sort; }

n=0
for sms in "$root" "$root"/tests/fixtures/*; do
  mapfile -t pols < <(files "$sms/policies" '*.md')
  mapfile -t prcs < <(files "$sms/processes" '*.md')
  mapfile -t recs < <(files "$sms/records" '*.y*ml')
  for f in "${pols[@]}" "${prcs[@]}" "${recs[@]}" "$sms/smsdoc.yaml"; do
    cp "$f" "$out/front_matter/$((n += 1))"
  done
  for f in "${pols[@]}" "${prcs[@]}"; do cp "$f" "$out/markdown/$((n += 1))"; done

  # Pipeline inputs (pipeline_fuzz.cc): smsdoc.yaml, a policy, a process and
  # a records file cut by "%%%" lines, the files paired round robin.
  count=1
  for c in ${#pols[@]} ${#prcs[@]} ${#recs[@]}; do ((c > count)) && count=$c; done
  for ((i = 0; i < count; i++)); do
    {
      cat "$sms/smsdoc.yaml"
      printf '\n%%%%%%\n'
      ((${#pols[@]})) && cat "${pols[i % ${#pols[@]}]}"
      printf '\n%%%%%%\n'
      ((${#prcs[@]})) && cat "${prcs[i % ${#prcs[@]}]}"
      printf '\n%%%%%%\n'
      ((${#recs[@]})) && cat "${recs[i % ${#recs[@]}]}"
      true
    } >"$out/pipeline/$((n += 1))"
  done
done
