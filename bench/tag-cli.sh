#!/usr/bin/env bash
# The CLI's tagging throughput as a user meets it: `almanac tag - --json` on a 30 MB text and on a 1 MB
# text; the rate is the marginal one, (30 MB - 1 MB) / (time for 30 MB - time for 1 MB), so start-up
# (runtime, JIT, rule compilation) cancels out. Printed for wall time (what a user waits) and for CPU time
# (user + system; on a shared machine the wall clock also counts other people's work). The text is
# TimeBank's and WikiWars' plain text (markup removed), repeated; it is read from ../shared at run time
# and deleted afterwards.
# Usage: bench/tag-cli.sh [ALMANAC_DLL]   (default: this checkout's CLI, built by ./almanac when needed)
# Knobs: BIG (MB, default 30), SMALL (MB, default 1), RUNS (best of, default 3), ARGS (extra tag options).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora="$root/../shared/corpora"
big=${BIG:-30}
small=${SMALL:-1}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/almanac-tagbench.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 0 ]; then
    cli=(dotnet "$1")
else
    "$root/almanac" --help > /dev/null # builds the CLI if needed
    cli=(dotnet "$root/.almanac/bin/almanac.dll")
fi

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

best_of() { # FILE -> "best_wall best_cpu"
    local walls="" cpus=""
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e %U %S" -o "$work/time" "${cli[@]}" tag - --json ${ARGS:-} < "$1" > "$work/out.json"
        read -r wall user sys < "$work/time"
        walls="$walls $wall"
        cpus="$cpus $(echo "$user $sys" | awk '{print $1 + $2}')"
    done
    echo "$(echo $walls | tr ' ' '\n' | sort -g | head -1) $(echo $cpus | tr ' ' '\n' | sort -g | head -1)"
}
read -r wall_small cpu_small <<< "$(best_of "$work/small.txt")"
read -r wall_big cpu_big <<< "$(best_of "$work/big.txt")"
tags=$(grep -o '"start"' "$work/out.json" | wc -l)
awk -v b="$big" -v s="$small" -v wb="$wall_big" -v ws="$wall_small" -v cb="$cpu_big" -v cs="$cpu_small" -v n="$tags" 'BEGIN {
    printf "tag - --json: %d MB in %.2f s wall / %.2f s CPU; %d MB in %.2f s wall / %.2f s CPU (%d tags)\n", s, ws, cs, b, wb, cb, n
    printf "marginal rate: %.1f MB/s wall, %.1f MB/s per CPU second\n", (b - s) / (wb - ws), (b - s) / (cb - cs)
}'
