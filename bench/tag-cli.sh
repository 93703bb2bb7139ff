#!/usr/bin/env bash
# The CLI's tagging throughput as a user meets it: `./almanac tag - --json` on a 30 MB text and on a 1 MB
# text, the rate being the marginal one, (30 MB - 1 MB) / (time for 30 MB - time for 1 MB), so start-up
# (runtime, JIT, rule compilation) cancels out. The text is TimeBank's and WikiWars' plain text (tags
# removed), repeated; it is read from ../shared at run time and deleted afterwards.
# Knobs: BIG (MB, default 30), SMALL (MB, default 1), RUNS (best of, default 3), ARGS (extra tag options).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora="$root/../shared/corpora"
big=${BIG:-30}
small=${SMALL:-1}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/almanac-tagbench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# One pass of plain text: each document's words without its markup, a blank line between documents.
for f in "$corpora"/timebank/*.tml "$corpora"/wikiwars-train/*.tml; do
    sed -e 's/<[^>]*>//g' "$f"
    printf '\n\n'
done > "$work/pass.txt"
make_text() { # MB FILE
    : > "$2"
    while [ "$(stat -c %s "$2")" -lt $(($1 * 1000000)) ]; do cat "$work/pass.txt" >> "$2"; done
    truncate -s $(($1 * 1000000)) "$2"
}
make_text "$small" "$work/small.txt"
make_text "$big" "$work/big.txt"

"$root/almanac" tag - --json < "$work/small.txt" > /dev/null # builds the CLI if needed
best() { # FILE -> best wall seconds of $runs
    local best=""
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        # shellcheck disable=SC2086
        "$root/almanac" tag - --json ${ARGS:-} < "$1" > "$work/out.json"
        end=$(date +%s.%N)
        best=$(echo "$start $end $best" | awk '{t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3}')
    done
    echo "$best"
}
t_small=$(best "$work/small.txt")
t_big=$(best "$work/big.txt")
tags=$(grep -o '"start"' "$work/out.json" | wc -l)
awk -v b="$big" -v s="$small" -v tb="$t_big" -v ts="$t_small" -v n="$tags" 'BEGIN {
    printf "tag - --json: %d MB in %.2f s, %d MB in %.2f s (%d tags in the big run)\n", s, ts, b, tb, n
    printf "marginal rate: %.1f MB/s\n", (b - s) / (tb - ts)
}'
