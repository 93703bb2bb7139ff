#!/usr/bin/env bash
# Times `./almanac ingest` as a user meets it on the documents that used to stop the store (issue 17): one
# 5-million-letter word before a dated sentence; 3,000, 9,000 and 90,000 dated sentences naming the 30 days of
# June 1956 (mentions that join one event per day); 20,000 and 200,000 sentences each dated to a year of the 1950s and
# naming an event of its own (each event's summary reads its source, and each year-dated mention could join any event
# of three years); then an ordinary document, whose event must be on its day.
# Prints wall time and peak memory (GNU time) for each ingest, into a fresh SQLite store.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ALMANAC_DB="$work/almanac.db"
"$root/almanac" --help >/dev/null  # build first, so the build is not timed

python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
open(f"{work}/long-word.txt", "w").write("a" * 5_000_000 + " On 4 June 1956 the speech was published.\n")
for n in (3000, 9000, 90000):
    open(f"{work}/june-{n}.txt", "w").write(" ".join(f"On {1 + i % 30} June 1956 it met." for i in range(n)) + "\n")
random.seed(1)
name = lambda: "".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))
for n in (20000, 200000):
    open(f"{work}/years-{n}.txt", "w").write(" ".join(f"In {1950 + i % 10} the {name()} {name()} council met." for i in range(n)) + "\n")
open(f"{work}/ordinary.txt", "w").write("On 9 November 1989 the Berlin Wall fell.\n")
PY

measure() {
    local label=$1; shift
    /usr/bin/time -f "$label: %e s, peak %M KB" "$root/almanac" ingest "$@" >/dev/null 2>"$work/err" || true
    tail -n 1 "$work/err"
}
for file in long-word june-3000 june-9000 june-90000 years-20000 years-200000 ordinary; do
    measure "$file.txt ($(wc -c <"$work/$file.txt") bytes)" "$work/$file.txt"
done
"$root/almanac" day 11-09 | grep -q "Berlin Wall" && echo "ordinary document's event is on 11-09" || { echo "ordinary document's event is MISSING from 11-09"; exit 1; }
