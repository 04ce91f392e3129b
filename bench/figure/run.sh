#!/usr/bin/env bash
# Figure benchmark: the learning-rate comparison grid (2x2, 400x400 surface, 20 contour levels,
# 1600x1600 PNG + PDF) drawn by matplotlib and by steptrace, alternately, ROUNDS times each.
# Reports the median wall time, the median peak RSS and the ratio.
#
# Usage: bench/figure/run.sh [ROUNDS]   (default 5)
# Environment: STEPTRACE_FIGURE_CMD overrides the Swift command; it gets the output folder as its last
# argument. By default: .build/release/steptrace compare learning-rates --bench-figure --output
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROUNDS="${1:-5}"
OUT="$ROOT/bench/out/figure"
VENV="$ROOT/bench/.venv"
mkdir -p "$OUT/matplotlib" "$OUT/swift"

# matplotlib lives in a private venv used by this benchmark only.
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import matplotlib, numpy" 2>/dev/null; then
    "$VENV/bin/pip" install --quiet matplotlib numpy
fi
if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time for peak RSS" >&2
    (apt-get install -y time >/dev/null 2>&1 || sudo apt-get install -y time >/dev/null)
fi

if [ -z "${STEPTRACE_FIGURE_CMD:-}" ]; then
    (cd "$ROOT" && swift build -c release --product steptrace >/dev/null)
    STEPTRACE_FIGURE_CMD="$ROOT/.build/release/steptrace compare learning-rates --bench-figure --output"
fi

# measure NAME COMMAND... : appends "seconds kilobytes" to $OUT/NAME.times
measure() {
    local name="$1"; shift
    /usr/bin/time -f "%e %M" -o "$OUT/$name.one" "$@" >/dev/null
    cat "$OUT/$name.one" >> "$OUT/$name.times"
}

rm -f "$OUT"/*.times
for ((i = 1; i <= ROUNDS; i++)); do
    measure matplotlib "$VENV/bin/python" "$ROOT/bench/figure/lrgrid.py" "$OUT/matplotlib"
    # shellcheck disable=SC2086
    measure swift $STEPTRACE_FIGURE_CMD "$OUT/swift"
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
report() {
    local name="$1"
    local t m
    t=$(awk '{ print $1 }' "$OUT/$name.times" | median)
    m=$(awk '{ print $2 }' "$OUT/$name.times" | median)
    printf "%-11s median wall %6.2f s   median peak RSS %7.1f MB\n" "$name" "$t" "$(echo "$m / 1024" | bc -l)" >&2
    echo "$t $m"
}
read -r mt mm < <(report matplotlib)
read -r st sm < <(report swift)
printf "ratio (matplotlib / steptrace): time %.1fx, memory %.1fx\n" "$(echo "$mt / $st" | bc -l)" "$(echo "$mm / $sm" | bc -l)"
echo "figures: $OUT/matplotlib and $OUT/swift"
