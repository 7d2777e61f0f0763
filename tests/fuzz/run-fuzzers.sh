#!/usr/bin/env bash
# run-fuzzers.sh BUILD_DIR [SECONDS] — runs every libFuzzer target built in BUILD_DIR for
# SECONDS each (default 30), FUZZ_JOBS of them at a time (default: one per core), each on a
# scratch copy of its seed corpus (tests/fuzz/corpus/<target>) with its dictionary (JSON,
# brat, WebAnno TSV, HTML, Markdown or PDF). Prints one line per target: runs done and findings.
# Exits non-zero when any target found a crash, a hang or a sanitizer report; the input that
# did it is kept as BUILD_DIR/fuzz-findings/<target>-crash-* for a regression test.
# FUZZ_SEED (default 1) fixes libFuzzer's random seed, so a CI run can be repeated.
set -uo pipefail
build=$(realpath "$1")
seconds=${2:-30}
here="$(cd "$(dirname "$0")" && pwd)"
findings="$build/fuzz-findings"
# fontconfig's process-long configuration (loaded by poppler) is not a finding.
export LSAN_OPTIONS="suppressions=$here/../lsan-suppressions.txt:print_suppressions=0"
mkdir -p "$findings"
# One target: its line of results on standard output; exit 1 on a finding.
fuzz_one() {
  local target=$1 name dict scratch log status runs artifacts
  name=$(basename "$target")
  dict="$here/json.dict"
  [ "$name" = fuzz_import_brat ] && dict="$here/brat.dict"
  [ "$name" = fuzz_offsets ] && dict=""
  case "$name" in
    fuzz_intake_html) dict="$here/html.dict" ;;
    fuzz_intake_markdown) dict="$here/markdown.dict" ;;
    fuzz_intake_pdf) dict="$here/pdf.dict" ;;
    fuzz_intake_docx) dict="" ;;  # deflated XML: no tokens to offer
    fuzz_import_webanno_tsv) dict="$here/webanno.dict" ;;
  esac
  scratch=$(mktemp -d)
  [ -d "$here/corpus/$name" ] && cp -r "$here/corpus/$name/." "$scratch/"
  log="$findings/$name.log"
  (cd "$findings" && "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -seed="${FUZZ_SEED:-1}" -artifact_prefix="$findings/$name-" ${dict:+-dict="$dict"} "$scratch") >"$log" 2>&1
  status=$?
  rm -rf "$scratch"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  artifacts=$(ls "$findings" | grep -c "^$name-" || true)
  if [ $status -ne 0 ] || [ "$artifacts" -ne 0 ]; then
    echo "$name: ${runs:-?} runs, FINDING (exit $status); see $log"
    grep -m5 -E 'ERROR|SUMMARY|deadly signal|runtime error' "$log" || true
    return 1
  fi
  echo "$name: ${runs:-?} runs in ${seconds} s, 0 findings"
}

# FUZZ_JOBS targets at a time (default: one per core), each a single libFuzzer process.
jobs=${FUZZ_JOBS:-$(nproc)}
failed=0
running=0
for target in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$target" ] || continue
  fuzz_one "$target" &
  running=$((running + 1))
  if [ $running -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ $running -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit $failed
