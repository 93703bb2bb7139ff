#!/usr/bin/env bash
# Ingest throughput as a user meets it (issue 12): Wikipedia's 366 date pages (../shared/corpora/wikipedia-days/days.jsonl)
# rendered as HTML (12 MB, about 130,000 entries) and ingested with `almanac ingest FOLDER` into an empty SQLite store.
# Prints documents/s, MB/s, peak memory, and the store's bytes per event and per source byte. With ALMANAC_BENCH_POSTGRES
# set to a server URL (postgres://USER:PASSWORD@HOST:PORT) of a user who may create databases, also queues the pages in a fresh PostgreSQL database
# and drains the queue with 1 worker, then (another fresh database) with 2 workers at once, timing the drain; with PIN=1
# each worker runs on a core of its own (taskset), so the speed-up compares one core's worker with two. Each drain also
# prints the CPU the whole machine spent, and how much of it the workers took (the rest is mostly the server's): where one
# worker and the server already keep most cores busy, a second worker has little left to gain.
# Then the same pages with the first-round build, which resolved the whole store after each ingest (BASELINE, default
# 8f61fb1: the commit before incremental resolution, the rate issue 12 asks five times of), built from this repository's
# history into a scratch worktree and run in turn on the same machine, in one ingest and as the issue measured it (the
# first 100 pages, one small document, then the rest); each figure of this build is set against the same of the baseline.
# Usage: bench/ingest-days.sh   Knobs: DAYS (how many days, default all), ALMANAC_BENCH_POSTGRES, PIN, ALMANAC_BIN (a folder with
# another build's almanac.dll to measure, e.g. a copy of an older .almanac/bin: run both in turn, the machine's load wanders),
# BASELINE (a commit, or none to skip it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
days_jsonl="$root/../shared/corpora/wikipedia-days/days.jsonl"
work="$(mktemp -d /tmp/almanac-ingestdays.XXXXXX)"
baseline="${BASELINE:-8f61fb1}"
cleanup() {
    if [ -d "$work/baseline-src" ]; then git -C "$root" worktree remove --force "$work/baseline-src" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
"$root/almanac" --help >/dev/null # builds the CLI first, so the build is not timed
build="${ALMANAC_BIN:-$root/.almanac/bin}"
cli=(dotnet "$build/almanac.dll")
dotnet run -c Release --project "$root/eval/Almanac.Eval.DayPages" -- "$days_jsonl" --days "${DAYS:-all}" --keep "$work/pages" --render-only html
rm "$work/pages/gold.jsonl"
documents=$(find "$work/pages" -type f | wc -l)
source_bytes=$(du -cb "$work/pages"/* | tail -n 1 | cut -f1)
echo "$documents HTML day pages, $((source_bytes / 1000)) KB; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# CPU seconds the whole machine has spent busy so far (user, nice, system, irq, softirq): the workers and the server together.
machine_busy() { awk '/^cpu / { print ($2 + $3 + $4 + $7 + $8) / 100 }' /proc/stat; }

rate() { # LABEL SECONDS
    awk -v label="$1" -v s="$2" -v n="$documents" -v b="$source_bytes" \
        'BEGIN { printf "%s: %.1f s, %.1f documents/s, %.2f MB/s\n", label, s, n / s, b / s / 1e6 }'
}

# Seconds of wall time to ingest FOLDER into the store STORE with BUILD's almanac.dll (the figures left in $work/time).
ingest_with() { # BUILD FOLDER STORE
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" dotnet "$1/almanac.dll" ingest "$2" --db "$3" >/dev/null
    cut -d' ' -f1 "$work/time"
}

wall=$(ingest_with "$build" "$work/pages" "$work/store.db")
read -r _ user sys peak <"$work/time"
rate "sqlite, one ingest" "$wall"
awk -v u="$user" -v s="$sys" -v p="$peak" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN { printf "  CPU %.1f s, peak memory %.0f MB; load average after %s\n", u + s, p / 1000, l }'
store_bytes=$(du -cb "$work"/store.db* | tail -n 1 | cut -f1)
python3 - "$store_bytes" "$source_bytes" "$work/store.db" <<'PY'
import sqlite3, sys
store, source, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
events = sqlite3.connect(path).execute("select count(*) from events").fetchone()[0]
print(f"  store {store / 1e6:.1f} MB: {store / max(events, 1):.0f} bytes per event ({events} events), {store / source:.2f} bytes per source byte")
PY

# The issue's own measurement: the first 100 pages into an empty store, one small document, then the other pages.
in_steps() { # BUILD LABEL
    local store="$work/steps-$2.db" first one rest
    rm -rf "$work/first" "$work/rest" "$work/one" "$store"*
    mkdir -p "$work/first" "$work/rest" "$work/one"
    find "$work/pages" -type f | sort | head -n 100 | xargs -d '\n' cp -t "$work/first"
    find "$work/pages" -type f | sort | tail -n +101 | xargs -d '\n' cp -t "$work/rest"
    echo "On 5 March 1953 Joseph Stalin died at his dacha near Moscow." >"$work/one/one.txt"
    first=$(ingest_with "$1" "$work/first" "$store")
    one=$(ingest_with "$1" "$work/one" "$store")
    rest=$(ingest_with "$1" "$work/rest" "$store")
    echo "$first $one $rest"
}

if [ "$baseline" != none ] && [ "$documents" -gt 100 ]; then
    if git -C "$root" cat-file -e "$baseline^{commit}" 2>/dev/null; then
        git -C "$root" worktree add --detach --quiet "$work/baseline-src" "$baseline"
        dotnet build -c Release "$work/baseline-src/src/Almanac.Cli/Almanac.Cli.csproj" -o "$work/baseline-bin" -nologo -v quiet >/dev/null
        base_wall=$(ingest_with "$work/baseline-bin" "$work/pages" "$work/baseline.db")
        rate "sqlite, one ingest, baseline $baseline" "$base_wall"
        awk -v b="$base_wall" -v w="$wall" 'BEGIN { printf "  this build: %.2f times the baseline rate in one ingest\n", b / w }'
        read -r b_first b_one b_rest <<<"$(in_steps "$work/baseline-bin" baseline)"
        read -r first one rest <<<"$(in_steps "$build" this)"
        awk -v bf="$b_first" -v bo="$b_one" -v br="$b_rest" -v f="$first" -v o="$one" -v r="$rest" -v n="$documents" -v base="$baseline" 'BEGIN {
            printf "in steps (100 pages, one document, the other %d), baseline %s: %.1f s, %.1f s, %.1f s; this build: %.1f s, %.1f s, %.1f s\n", n - 100, base, bf, bo, br, f, o, r
            printf "  this build: %.2f times the baseline rate over the pages in steps\n", (bf + br) / (f + r) }'
    else
        echo "baseline $baseline is not in this repository's history (a shallow clone?): set BASELINE to a commit, or none"
    fi
fi

if [ -n "${ALMANAC_BENCH_POSTGRES:-}" ]; then
    server="${ALMANAC_BENCH_POSTGRES%/}"
    for workers in 1 2; do
        database="almanac_ingestdays_$$_$workers"
        psql "$server/postgres" -qc "CREATE DATABASE $database"
        "${cli[@]}" ingest "$work/pages" --queue --db "$server/$database" >/dev/null
        start=$(date +%s.%N)
        busy_before=$(machine_busy)
        for i in $(seq 0 $((workers - 1))); do
            pin=()
            if [ -n "${PIN:-}" ]; then pin=(taskset -c "$((i % $(nproc)))"); fi
            "${pin[@]}" /usr/bin/time -f "%U %S" -o "$work/worker-$i.time" "${cli[@]}" worker --db "$server/$database" >/dev/null &
        done
        wait
        drained=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
        rate "postgresql, $workers worker(s)${PIN:+ on a core each} draining the queue" "$drained"
        workers_cpu=$(cat "$work"/worker-*.time | awk '{ s += $1 + $2 } END { print s }')
        rm "$work"/worker-*.time
        awk -v b="$busy_before" -v a="$(machine_busy)" -v s="$drained" -v n="$(nproc)" -v w="$workers_cpu" \
            'BEGIN { printf "  the machine busy %.1f s of CPU: %.1f of %d cores on average; the workers %.1f s, the server and the rest %.1f s\n", a - b, (a - b) / s, n, w, a - b - w }'
        psql "$server/$database" -Atc "SELECT pg_database_size(current_database()), (SELECT count(*) FROM events)" | tr '|' ' ' | {
            read -r size events
            awk -v s="$size" -v e="$events" -v b="$source_bytes" 'BEGIN { printf "  database %.1f MB: %.0f bytes per event (%d events), %.2f bytes per source byte\n", s / 1e6, s / e, e, s / b }'
        }

        psql "$server/postgres" -qc "DROP DATABASE $database" # not FORCE: it refuses to end an autovacuum worker without pg_signal_backend, which a plain DROP stops itself
    done
fi
