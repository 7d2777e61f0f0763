#!/usr/bin/env bash
# kill_during_write.sh CLAIMMARK [TRIALS] — the kill test: import and export of a large
# generated input, killed with SIGKILL at random moments, TRIALS times each (default 20).
# After every kill the output path must hold the complete old content or the complete new
# content — never nothing, never a torn file. Staging folders of the killed runs must be gone
# after the next successful run. Prints "N passed, M failed".
set -uo pipefail
bin=$(realpath "$1")
trials=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# A 4 MB article with 40,000 annotations, as claimmark's own jsonl (import reads it back).
python3 - <<'PY'
import json, random
random.seed(7)
words = ["kratom", "may", "ease", "pain", "studies", "suggest", "consult", "a", "doctor", "évidence", "日本"]
parts, annotations, pos = [], [], 0
for i in range(400000):
    w = random.choice(words)
    if i % 10 == 0:
        annotations.append({"id": "a%d" % (len(annotations) + 1), "label": "hedge",
                            "spans": [{"start": pos, "end": pos + len(w)}], "text": w})
    parts.append(w)
    pos += len(w) + 1
text = " ".join(parts) + "\n"
line = {"id": "big", "text": text, "offsets": "codepoint", "annotator": "k", "annotations": annotations}
open("big.jsonl", "w", encoding="utf-8").write(json.dumps(line, ensure_ascii=False) + "\n")
PY

passed=0
failed=0
check() {  # check NAME PATH OLD_SHA NEW_SHA
  local got
  got=$(sha256sum "$2" 2>/dev/null | cut -d' ' -f1)
  if [ "$got" = "$3" ] || [ "$got" = "$4" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAILED $1: $2 holds neither the old nor the new content (${got:-nothing})"; fi
}
random_delay() { python3 -c "import random; print('%.3f' % random.uniform(0.0, $1))"; }
run_and_kill() {  # run_and_kill MAX_DELAY COMMAND...
  local delay=$1; shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(random_delay "$delay")"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

# --- import -o SET.json --force over an existing set -----------------------------------
mkdir -p imp
start=$(date +%s.%N)
"$bin" import --from jsonl big.jsonl -o imp/set.json >import.log 2>&1 || { echo "import failed:"; cat import.log; exit 1; }
elapsed=$(python3 -c "import time; print(max(0.05, time.time() - $start))")
# The created timestamps differ from run to run: compare with the content minus them.
strip() { sed -E 's/"(created|modified)": "[^"]*"//g' "$1" 2>/dev/null | sha256sum | cut -d' ' -f1; }
new_import=$(strip imp/set.json)
for i in $(seq "$trials"); do
  printf '{"old": true}\n' > imp/set.json
  old=$(strip imp/set.json)
  run_and_kill "$elapsed" "$bin" import --from jsonl big.jsonl -o imp/set.json --force
  got=$(strip imp/set.json)
  if [ -f imp/set.json ] && { [ "$got" = "$old" ] || [ "$got" = "$new_import" ]; }; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAILED import trial $i: imp/set.json holds neither the old nor the new set"; fi
done

# --- export -o FILE over an existing file ----------------------------------------------
# The last killed trial may have left the old content: write the set once more, unkilled.
"$bin" import --from jsonl big.jsonl -o imp/set.json --force >import.log 2>&1 || { echo "import failed:"; cat import.log; exit 1; }
cp imp/set.json new.json
sed -i 's|"path": "set.txt"|"path": "imp/set.txt"|' new.json
"$bin" export --to jsonl new.json -o ref.jsonl >export.log 2>&1 || { echo "export failed:"; cat export.log; exit 1; }
new_export=$(sha256sum ref.jsonl | cut -d' ' -f1)
start=$(date +%s.%N)
"$bin" export --to jsonl new.json -o out.jsonl >/dev/null 2>&1
elapsed=$(python3 -c "import time; print(max(0.05, time.time() - $start))")
for i in $(seq "$trials"); do
  printf 'old export\n' > out.jsonl
  old=$(sha256sum out.jsonl | cut -d' ' -f1)
  run_and_kill "$elapsed" "$bin" export --to jsonl new.json -o out.jsonl
  check "export trial $i" out.jsonl "$old" "$new_export"
done

# --- export --to brat into an existing folder: every file old or new -------------------
"$bin" export --to brat new.json -o refbrat >/dev/null 2>&1 || { echo "brat export failed"; exit 1; }
start=$(date +%s.%N)
"$bin" export --to brat new.json -o brat >/dev/null 2>&1
elapsed=$(python3 -c "import time; print(max(0.05, time.time() - $start))")
for i in $(seq "$trials"); do
  for f in refbrat/*; do printf 'old %s\n' "$(basename "$f")" > "brat/$(basename "$f")"; done
  run_and_kill "$elapsed" "$bin" export --to brat new.json -o brat
  for f in refbrat/*; do
    name=$(basename "$f")
    old=$(printf 'old %s\n' "$name" | sha256sum | cut -d' ' -f1)
    check "brat trial $i ($name)" "brat/$name" "$old" "$(sha256sum "$f" | cut -d' ' -f1)"
  done
done

# --- staging folders of killed runs are cleaned by the next run ------------------------
"$bin" export --to brat new.json -o brat >/dev/null 2>&1
"$bin" import --from jsonl big.jsonl -o imp/set.json --force >/dev/null 2>&1
leftovers=$(ls -d ./*.partial-* imp/*.partial-* 2>/dev/null | wc -l)
if [ "$leftovers" -eq 0 ]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAILED: $leftovers staging folders left after a clean run"; fi

echo "kill test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
