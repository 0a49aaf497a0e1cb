#!/usr/bin/env bash
# Scale: `netral classify --jsonl` on generated reports (written to /tmp, never committed).
#   bench/scale.sh [N]        N reports for the main run (default 1,000,000)
# Prints throughput (reports/s on one core: the CLI is single-threaded) and peak memory
# (/usr/bin/time -v), then how throughput changes with rulebook size (×10, ×100 synthetic rules:
# copies of the prohibition files with renamed ids) and with text length. Appends to bench/scale.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
SUB=${SUB:-100000}
DIR=${SCALE_DIR:-/tmp/netral-scale}
mkdir -p "$DIR"
cargo build --quiet --release --bin netral
BIN=target/release/netral

# Reports: dev case texts, cut or repeated to a target length, with random form facts.
gen() { # gen N MINLEN MAXLEN OUT
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import json, random, sys
n, lo, hi, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
texts = [json.loads(l)["text"] for l in open("tests/cases/dev.jsonl") if l.strip()]
subjects = ["pns", "pppk", "tni", "polri", "kepala_desa", "swasta", None, None]
rnd = random.Random(1)
with open(out, "w") as f:
    for i in range(n):
        want = rnd.randint(lo, hi)
        t = rnd.choice(texts)
        while len(t) < want:
            t += " " + rnd.choice(texts)
        t = t[:want]
        facts = {}
        s = rnd.choice(subjects)
        if s: facts["subject"] = s
        if rnd.random() < 0.3: facts["on_leave"] = rnd.random() < 0.5
        f.write(json.dumps({"text": t, "facts": facts}, ensure_ascii=False) + "\n")
PY
}

wall() { grep "Elapsed (wall clock)" "$1" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }

run() { # run LABEL FILE [--rules DIR]   (start-up — compiling the rulebook — measured on an empty stream and taken off)
  local label=$1 file=$2; shift 2
  local n; n=$(wc -l < "$file")
  : > "$DIR/empty.jsonl"
  /usr/bin/time -v "$BIN" classify "$@" --jsonl "$DIR/empty.jsonl" > /dev/null 2> "$DIR/time0.txt"
  /usr/bin/time -v "$BIN" classify "$@" --jsonl "$file" > "$DIR/out.jsonl" 2> "$DIR/time.txt"
  local secs start rss
  start=$(wall "$DIR/time0.txt"); secs=$(wall "$DIR/time.txt")
  rss=$(grep "Maximum resident set size" "$DIR/time.txt" | awk '{print $NF}')
  python3 -c "import sys; n,s,s0,r=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]); t=max(s-s0,1e-9); print(f'| {sys.argv[5]} | {n:,} | {s:.2f} s | {s0:.2f} s | {n/t:,.0f} | {t/n*1e6:.1f} µs | {r/1024:.1f} MB |')" "$n" "$secs" "$start" "$rss" "$label"
}

# Synthetic rulebooks: the built-in files plus K renamed copies of the prohibition files.
book() { # book K DIR
  rm -rf "$2"; mkdir -p "$2"; cp rules/*.rules "$2/"
  for k in $(seq 1 "$1"); do
    for f in rules/[3-7]*.rules; do
      sed -E "s/^rule ([a-z0-9_]+)/rule \1_x$k/" "$f" > "$2/$(basename "$f" .rules)_x$k.rules"
    done
  done
}

echo "generating $N reports (50–600 characters) in $DIR …" >&2
[ -s "$DIR/main.jsonl" ] && [ "$(wc -l < "$DIR/main.jsonl")" -eq "$N" ] || gen "$N" 50 600 "$DIR/main.jsonl"
for len in 100 1000 10000; do [ -s "$DIR/len$len.jsonl" ] || gen "$SUB" "$len" "$len" "$DIR/len$len.jsonl"; done
book 9 "$DIR/rules10"; book 99 "$DIR/rules100"
head -n "$SUB" "$DIR/main.jsonl" > "$DIR/sub.jsonl"
rules10=$(ls "$DIR"/rules10/*.rules | wc -l); rules100=$(ls "$DIR"/rules100/*.rules | wc -l)

{
  echo "## netral classify --jsonl ($(date -u +%F), $(nproc) cores, one used)"
  echo
  echo "| run | reports | wall | of which start-up | reports/s (one core, after start-up) | per report | peak RSS |"
  echo "|---|---|---|---|---|---|---|"
  run "built-in rulebook, 50–600 chars" "$DIR/main.jsonl"
  run "built-in, first $SUB" "$DIR/sub.jsonl"
  run "×10 rules ($rules10 files)" "$DIR/sub.jsonl" --rules "$DIR/rules10"
  run "×100 rules ($rules100 files)" "$DIR/sub.jsonl" --rules "$DIR/rules100"
  for len in 100 1000 10000; do run "built-in, $len chars" "$DIR/len$len.jsonl"; done
  echo
} | tee -a bench/scale.md
