#!/usr/bin/env bash
# steptrace benchmarks (`make bench`), whole process against whole process. See BENCHMARKS.md.
#
#   engine  `steptrace trace`, 400,000 per-sample SGD steps, every row computed (summary kept), against the seed's plain
#           Python loop (bench/engine/seed_loop.py) and a hand-written Swift loop (bench/handloop).
#   figure  `steptrace compare lr-overshoot --lr 0.02,0.1,0.18,0.21` (PNG + PDF) against matplotlib
#           (bench/figure/lrgrid.py, in a private venv under bench/.venv).
#   all     `steptrace all`: wall time and peak RSS; growth with 1, 2, 4 copies of the lesson set and
#           with one lesson's step counts scaled 1, 2, 4 times.
#   map     `steptrace map`: a 100 × 100 convergence map (SGD with momentum, Keras convention, on Rosenbrock from
#           (-1.5, 2), lr 1e-5 … 1e-2 log-spaced, momentum 0 … 0.99, 1,000 steps per cell), PNG + PDF + CSV, against
#           numpy vectorised over all cells (bench/map/map_numpy.py) and a plain Python loop (bench/map/map_loop.py,
#           MAP_LOOP_ROUNDS rounds, default 3), numbers only.
#   arrays  bench/arrays (in process, CPU time): the array expressions of zero-diagonal, constrained-fit
#           and custom-loss against their hand-written Swift objectives, per evaluation and per lesson run.
#           Not part of the default set.
#
# Contenders alternate within each round (the order rotates each round), so a noisy machine slows all
# of them alike; the table reports medians. Wall time is measured around the process; CPU time (user +
# sys) and peak RSS come from GNU time.
#
# Usage: bench/run.sh [engine] [figure] [map] [all] [arrays]  (no argument: engine, figure, map, all)
# Environment:
#   ROUNDS=7          rounds for engine, figure and map
#   ALL_ROUNDS=3      rounds for the `all` benchmarks
#   BENCH_LESSONS=DIR the lessons folder (default: lessons/ of this checkout)
#   STEPTRACE=PATH, HANDLOOP=PATH   use these binaries instead of building them
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/out"
TIMES="$OUT/times"
ROUNDS="${ROUNDS:-7}"
ALL_ROUNDS="${ALL_ROUNDS:-3}"
LESSONS="${BENCH_LESSONS:-$ROOT/lessons}"
SCRATCH="$ROOT/.build-bench"
VENV="$ROOT/bench/.venv"

if [ "$#" -eq 0 ]; then set -- engine figure map all; fi
for b in "$@"; do
    case "$b" in engine | figure | map | all | arrays) ;; *) echo "bench/run.sh: unknown benchmark '$b' (expected engine, figure, map, all, arrays)" >&2; exit 64 ;; esac
done
wants() { local b; for b in "${SELECTED[@]}"; do [ "$b" = "$1" ] && return 0; done; return 1; }
SELECTED=("$@")

say() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    say "installing GNU time (for peak RSS)"
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y time >/dev/null; else sudo apt-get install -y time >/dev/null; fi
fi

if [ -z "${STEPTRACE:-}" ] || [ -z "${HANDLOOP:-}" ]; then
    say "building release binaries in $SCRATCH"
    # Linked as `make build` links steptrace (the Swift runtime and Foundation statically), every binary alike.
    (cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product steptrace >&2)
    (cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product handloop >&2)
    if wants arrays; then (cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product arraybench >&2); fi
    BIN="$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
fi
STEPTRACE="${STEPTRACE:-$BIN/steptrace}"
HANDLOOP="${HANDLOOP:-$BIN/handloop}"

if wants figure || wants map; then
    # matplotlib (figure) and numpy (figure, map) live in a private venv used by these benchmarks only, never by steptrace.
    if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
    needed="numpy"; wants figure && needed="matplotlib numpy"
    if ! "$VENV/bin/python" -c "import ${needed// /, }" 2>/dev/null; then
        say "installing $needed into $VENV"
        "$VENV/bin/pip" install --quiet $needed >&2
    fi
fi

rm -rf "$TIMES"
mkdir -p "$TIMES"

# --- measuring ---------------------------------------------------------------------------------------
# measure NAME COMMAND... : runs COMMAND once (stdout and stderr to $TIMES/NAME.log) and appends
# "wall_seconds cpu_seconds peak_rss_kb" to $TIMES/NAME. A failing command stops the benchmark.
measure() {
    local name="$1"; shift
    local t0 t1 rc=0
    t0=$EPOCHREALTIME
    /usr/bin/time -f "%U %S %M" -o "$TIMES/$name.one" "$@" >"$TIMES/$name.log" 2>&1 || rc=$?
    t1=$EPOCHREALTIME
    if [ "$rc" -ne 0 ]; then
        echo "bench: '$name' failed with status $rc: $*" >&2
        grep -v '^Command exited' "$TIMES/$name.log" | tail -5 >&2
        exit 1
    fi
    awk -v a="$t0" -v b="$t1" '!/^Command/ { printf "%.4f %.2f %d\n", b - a, $1 + $2, $3 }' "$TIMES/$name.one" >>"$TIMES/$name"
}

# median COLUMN NAME : the median of column 1 (wall), 2 (cpu) or 3 (rss kb) over NAME's rounds.
median() {
    awk -v c="$1" '{ print $c }' "$TIMES/$2" | sort -g |
        awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
fmt() { awk -v x="$1" 'BEGIN { printf (x < 1 ? "%.3f" : "%.2f"), x }'; }
verdict() { awk -v x="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? (x >= t) : (x <= t); print ok ? "met" : "**missed**" }'; }

# contender NAME COMMAND... : names a command (kept as an array, so no word splitting or globbing).
contender() { local name="$1"; shift; declare -g -a "C_${name//-/_}=(\"\$@\")"; }
# rounds N NAME... : N rounds of the named contenders; round r starts at position r mod count.
rounds() {
    local n="$1"; shift
    local names=("$@") count=$# r i
    for ((r = 0; r < n; r++)); do
        for ((i = 0; i < count; i++)); do
            local name="${names[$(((r + i) % count))]}"
            local -n cmd="C_${name//-/_}"
            measure "$name" "${cmd[@]}"
            unset -n cmd
        done
    done
}

TABLE="$OUT/results.md"
{
    echo "# steptrace benchmark results"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- Sources Package.swift || echo ' + uncommitted changes in Sources'), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Medians of $ROUNDS alternating rounds (engine, figure, map; the map's plain Python loop ${MAP_LOOP_ROUNDS:-3}) and $ALL_ROUNDS rounds (all). Ratios compare median wall times (median CPU times in brackets)."
} >"$TABLE"

# --- engine ------------------------------------------------------------------------------------------
if wants engine; then
    say "engine: $ROUNDS rounds"
    mkdir -p "$OUT/engine"
    printf 'x,y\n0,0\n1,1\n1,2\n2,1\n' >"$OUT/engine/seed.csv"
    contender steptrace-trace "$STEPTRACE" trace --objective '0.5*(y - (a2*x^2 + a1*x + a0))^2' \
        --data "$OUT/engine/seed.csv" --batch 1 --start a2=1,a1=1,a0=1 --optimizer sgd --lr 0.0005 \
        --epochs 100000 --format summary
    contender python-seed python3 "$ROOT/bench/engine/seed_loop.py"
    contender handloop "$HANDLOOP"
    rounds "$ROUNDS" steptrace-trace python-seed handloop
    st=$(median 1 steptrace-trace); py=$(median 1 python-seed); hl=$(median 1 handloop)
    {
        echo
        echo "## engine: 400,000 per-sample SGD steps on the seed's quadratic fit"
        echo
        echo "| contender | median wall (s) | median CPU (s) | median peak RSS (MB) | ratio | target | |"
        echo "|---|---:|---:|---:|---|---|---|"
        echo "| \`steptrace trace\` (every row computed, summary kept) | $(fmt "$st") | $(fmt "$(median 2 steptrace-trace)") | $(mb "$(median 3 steptrace-trace)") | | | |"
        echo "| seed's Python loop (untraced) | $(fmt "$py") | $(fmt "$(median 2 python-seed)") | $(mb "$(median 3 python-seed)") | Python / steptrace = $(ratio "$py" "$st")× (CPU $(ratio "$(median 2 python-seed)" "$(median 2 steptrace-trace)")×) | ≥ 10× | $(verdict "$(ratio "$py" "$st")" ">=" 10) |"
        echo "| hand-written Swift loop (same columns, kept in arrays) | $(fmt "$hl") | $(fmt "$(median 2 handloop)") | $(mb "$(median 3 handloop)") | steptrace / handloop = $(ratio "$st" "$hl")× (CPU $(ratio "$(median 2 steptrace-trace)" "$(median 2 handloop)")×) | ≤ 2× | $(verdict "$(ratio "$st" "$hl")" "<=" 2) |"
    } >>"$TABLE"
fi

# --- figure ------------------------------------------------------------------------------------------
if wants figure; then
    say "figure: $ROUNDS rounds"
    mkdir -p "$OUT/figure/steptrace" "$OUT/figure/matplotlib"
    contender steptrace-compare "$STEPTRACE" compare lr-overshoot --lessons "$LESSONS" \
        --lr 0.02,0.1,0.18,0.21 --output "$OUT/figure/steptrace"
    contender matplotlib "$VENV/bin/python" "$ROOT/bench/figure/lrgrid.py" "$OUT/figure/matplotlib"
    rounds "$ROUNDS" steptrace-compare matplotlib
    st=$(median 1 steptrace-compare); mp=$(median 1 matplotlib)
    sm=$(median 3 steptrace-compare); mm=$(median 3 matplotlib)
    {
        echo
        echo "## figure: the learning-rate comparison (2×2 grid, 400×400 surface, 20 levels, final-loss chart; PNG 1600 px wide + PDF)"
        echo
        echo "| contender | median wall (s) | median CPU (s) | median peak RSS (MB) | ratio | target | |"
        echo "|---|---:|---:|---:|---|---|---|"
        echo "| \`steptrace compare lr-overshoot\` | $(fmt "$st") | $(fmt "$(median 2 steptrace-compare)") | $(mb "$sm") | | | |"
        echo "| matplotlib $("$VENV/bin/python" -c 'import matplotlib; print(matplotlib.__version__)') (lrgrid.py) | $(fmt "$mp") | $(fmt "$(median 2 matplotlib)") | $(mb "$mm") | time: matplotlib / steptrace = $(ratio "$mp" "$st")× (CPU $(ratio "$(median 2 matplotlib)" "$(median 2 steptrace-compare)")×) | ≥ 10× | $(verdict "$(ratio "$mp" "$st")" ">=" 10) |"
        echo "| | | | | memory: steptrace / matplotlib = $(awk -v a="$sm" -v b="$mm" 'BEGIN { printf "%.2f", a / b }') | < 0.5 | $(verdict "$(awk -v a="$sm" -v b="$mm" 'BEGIN { printf "%.3f", a / b }')" "<=" 0.4999) |"
    } >>"$TABLE"
fi

# --- map ---------------------------------------------------------------------------------------------
if wants map; then
    say "map: $ROUNDS rounds (the plain Python loop ${MAP_LOOP_ROUNDS:-3})"
    mkdir -p "$OUT/map"
    contender steptrace-map "$STEPTRACE" map --objective '(1-x)^2 + 100*(y-x^2)^2' --start x=-1.5,y=2 \
        --optimizer sgd --convention keras --steps 1000 --grid lr=1e-5:1e-2:100:log --grid momentum=0:0.99:100 \
        --output "$OUT/map"
    contender numpy-map "$VENV/bin/python" "$ROOT/bench/map/map_numpy.py"
    contender python-map python3 "$ROOT/bench/map/map_loop.py"
    rounds "$ROUNDS" steptrace-map numpy-map
    rounds "${MAP_LOOP_ROUNDS:-3}" python-map
    st=$(median 1 steptrace-map); np=$(median 1 numpy-map); pl=$(median 1 python-map); sm=$(median 3 steptrace-map)
    {
        echo
        echo "## map: a 100 × 100 convergence map, 1,000 steps per cell (SGD with momentum on Rosenbrock)"
        echo
        echo "| contender | median wall (s) | median CPU (s) | median peak RSS (MB) | ratio | target | |"
        echo "|---|---:|---:|---:|---|---|---|"
        echo "| \`steptrace map\` (PNG + PDF + CSV) | $(fmt "$st") | $(fmt "$(median 2 steptrace-map)") | $(mb "$sm") | | peak RSS < 100 MB | $(verdict "$(mb "$sm")" "<=" 99.999) |"
        echo "| numpy $("$VENV/bin/python" -c 'import numpy; print(numpy.__version__)'), all cells at once (numbers only) | $(fmt "$np") | $(fmt "$(median 2 numpy-map)") | $(mb "$(median 3 numpy-map)") | numpy / steptrace = $(ratio "$np" "$st")× (CPU $(ratio "$(median 2 numpy-map)" "$(median 2 steptrace-map)")×) | > 1× | $(verdict "$(awk -v a="$np" -v b="$st" 'BEGIN { printf "%.4f", a / b }')" ">=" 1.0001) |"
        echo "| plain Python loop, one cell at a time (numbers only) | $(fmt "$pl") | $(fmt "$(median 2 python-map)") | $(mb "$(median 3 python-map)") | Python / steptrace = $(ratio "$pl" "$st")× | | |"
    } >>"$TABLE"
fi

# --- all ---------------------------------------------------------------------------------------------
if wants all; then
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/steptrace-bench.XXXXXX")"
    trap 'rm -rf "$WORK"' EXIT
    lesson_ids=()
    for f in "$LESSONS"/*/lesson.toml; do lesson_ids+=("$(basename "$(dirname "$f")")"); done
    # N copies of the lesson set, copy c of lesson ID in folder ID-cC (copy 1 keeps the id).
    for n in 1 2 4; do
        mkdir -p "$WORK/lessons-x$n"
        for ((c = 1; c <= n; c++)); do
            for id in "${lesson_ids[@]}"; do
                dest="$WORK/lessons-x$n/$id"; [ "$c" -gt 1 ] && dest="$dest-c$c"
                cp -R "$LESSONS/$id" "$dest"
            done
        done
    done
    # One lesson with every `steps = N` and `epochs = N` multiplied by 1, 2, 4.
    SCALED="${SCALED_LESSON:-quadratic-fit}"
    for m in 1 2 4; do
        mkdir -p "$WORK/steps-x$m"
        cp -R "$LESSONS/$SCALED" "$WORK/steps-x$m/$SCALED"
        awk -v m="$m" '/^(steps|epochs) = [0-9]+[ \t]*$/ { sub(/[0-9]+/, $3 * m) } { print }' \
            "$LESSONS/$SCALED/lesson.toml" >"$WORK/steps-x$m/$SCALED/lesson.toml"
    done
    say "all: $ALL_ROUNDS rounds of ${#lesson_ids[@]}, $((2 * ${#lesson_ids[@]})), $((4 * ${#lesson_ids[@]})) lessons and of $SCALED with steps x1, x2, x4"
    for n in 1 2 4; do contender "all-x$n" "$STEPTRACE" all --lessons "$WORK/lessons-x$n" --output "$WORK/out-all-x$n"; done
    for m in 1 2 4; do contender "steps-x$m" "$STEPTRACE" all --lessons "$WORK/steps-x$m" --output "$WORK/out-steps-x$m"; done
    rounds "$ALL_ROUNDS" all-x1 all-x2 all-x4 steps-x1 steps-x2 steps-x4
    # Steps actually taken: the rows of every (gzip-compressed) trace CSV written (header and row 0 excluded).
    steps_in() { find "$1" -path '*/traces/*.csv.gz' -exec sh -c 'gzip -dc "$1" | awk '"'"'END { if (NR > 2) print NR - 2; else print 0 }'"'"'' _ {} \; | awk '{ s += $1 } END { print s + 0 }'; }
    {
        echo
        echo "## all: \`steptrace all\`, and its growth"
        echo
        echo "| input | lessons | steps traced | output (MB) | median wall (s) | median CPU (s) | median peak RSS (MB) | s per lesson | s per million steps |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        for n in 1 2 4; do
            w=$(median 1 "all-x$n"); s=$(steps_in "$WORK/out-all-x$n"); l=$((n * ${#lesson_ids[@]}))
            echo "| lessons/ × $n | $l | $s | $(du -sm "$WORK/out-all-x$n" | cut -f1) | $(fmt "$w") | $(fmt "$(median 2 "all-x$n")") | $(mb "$(median 3 "all-x$n")") | $(awk -v w="$w" -v l="$l" 'BEGIN { printf "%.3f", w / l }') | $(awk -v w="$w" -v s="$s" 'BEGIN { printf "%.2f", s ? w / s * 1e6 : 0 }') |"
        done
        for m in 1 2 4; do
            w=$(median 1 "steps-x$m"); s=$(steps_in "$WORK/out-steps-x$m")
            echo "| $SCALED, steps × $m | 1 | $s | $(du -sm "$WORK/out-steps-x$m" | cut -f1) | $(fmt "$w") | $(fmt "$(median 2 "steps-x$m")") | $(mb "$(median 3 "steps-x$m")") | | $(awk -v w="$w" -v s="$s" 'BEGIN { printf "%.2f", s ? w / s * 1e6 : 0 }') |"
        done
        w1=$(median 1 steps-x1); w4=$(median 1 steps-x4); s1=$(steps_in "$WORK/out-steps-x1"); s4=$(steps_in "$WORK/out-steps-x4")
        echo
        echo "Marginal cost of steps in $SCALED (×4 against ×1): $(awk -v a="$w1" -v b="$w4" -v s="$s1" -v t="$s4" 'BEGIN { printf "%.2f", (t > s) ? (b - a) / (t - s) * 1e6 : 0 }') s per million steps; fixed cost (intercept): $(awk -v a="$w1" -v b="$w4" -v s="$s1" -v t="$s4" 'BEGIN { k = (t > s) ? (b - a) / (t - s) : 0; printf "%.2f", a - k * s }') s."
    } >>"$TABLE"
fi

# --- arrays ------------------------------------------------------------------------------------------
if wants arrays; then
    say "arrays: $ROUNDS rounds"
    if [ -z "${BIN:-}" ]; then
        (cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product arraybench >&2)
        BIN="$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
    fi
    { echo; "$BIN/arraybench" "$ROUNDS"; } >>"$TABLE"
fi

echo >>"$TABLE"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg). CPU times come from GNU time (10 ms resolution); targets are judged on wall time." >>"$TABLE"
echo "Outputs: bench/out/figure/{steptrace,matplotlib}, bench/out/map; per-round times in bench/out/times/." >>"$TABLE"
cat "$TABLE"
