#!/usr/bin/env bash
# Load benchmarks, printing figures:
#  1. ingest throughput (documents/s, MB/s): SQLite, and PostgreSQL with 1, 2 and 4 queue workers;
#  2. a store of $EVENTS (default 1,000,000) events from days.jsonl texts with shifted years, on SQLite and PostgreSQL;
#  3. GET /api/feed/onthisday/all/MM/DD and GET /day/MM-DD under wrk on loopback: SQLite behind one
#     `almanac serve`, PostgreSQL behind two `almanac serve` nodes balanced by nginx, and nginx serving the
#     same bytes as static files (the ceiling); our throughput as a fraction of nginx's; server RSS.
# Installs wrk and nginx from Debian when missing, and PostgreSQL through .ci/postgres.sh (a throwaway cluster,
# fsync off). The corpus is read from ../shared at run time; nothing it makes is kept.
# Knobs: EVENTS, DOCS (ingest documents), DURATION (s per wrk run), CONNECTIONS, DAY (MM-DD), SKIP_INGEST=1,
# PROFILE=1 (before the wrk runs, where one request's time goes on DAY, on each store: `Almanac.Bench.Load profile`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
days_jsonl="$root/../shared/corpora/wikipedia-days/days.jsonl"
seeds="$root/../shared/seeds"
events=${EVENTS:-1000000}
docs=${DOCS:-200}
duration=${DURATION:-15}
connections=${CONNECTIONS:-32}
day=${DAY:-02-25}
month=${day%-*}
dom=${day#*-}

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk nginx curl
fi
source .ci/postgres.sh
work=$(mktemp -d /tmp/almanac-bench.XXXXXX)
chmod 755 "$work" # nginx's workers run as an unprivileged user and must read the static copies
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ -f "$work/nginx.pid" ]; then nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; fi
    rm -rf "$work"
    stop_almanac_postgres
}
trap cleanup EXIT

echo "bench: building (Release)..."
dotnet build bench/Almanac.Bench.Load -c Release --nologo -v quiet "-clp:NoSummary;ErrorsOnly"
./almanac --help >/dev/null
bench="$root/bench/Almanac.Bench.Load/bin/Release/net10.0/Almanac.Bench.Load"
almanac=(dotnet "$root/.almanac/bin/almanac.dll")
pg_url() { echo "postgres://almanac:$pg_password@127.0.0.1:$pg_port/$1"; }
new_db() { PGPASSWORD="$pg_password" "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U almanac -d almanac -c "CREATE DATABASE $1"; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; PostgreSQL with fsync off"
if [ "${SKIP_INGEST:-0}" != 1 ]; then
    echo "== ingest throughput"
    "$bench" documents "$work/docs" "$docs" "$days_jsonl" "$seeds"
    "$bench" ingest "$work/ingest.db" "$work/docs" 1
    for workers in 1 2 4; do
        new_db "ingest_$workers"
        "$bench" ingest "$(pg_url "ingest_$workers")" "$work/docs" "$workers"
    done
fi

echo "== store of $events events"
"$bench" bulk-load "$work/big.db" "$events" "$days_jsonl"
new_db big
"$bench" bulk-load "$(pg_url big)" "$events" "$days_jsonl"
echo "sqlite file: $(du -sh "$work/big.db" | cut -f1); postgres database: $(PGPASSWORD="$pg_password" "$pg_bin/psql" -tA -h 127.0.0.1 -p "$pg_port" -U almanac -d big -c "SELECT pg_size_pretty(pg_database_size('big'))")"

if [ "${PROFILE:-0}" = 1 ]; then
    echo "== one request at a time on $day"
    "$bench" profile "$work/big.db" "$day"
    "$bench" profile "$(pg_url big)" "$day"
fi

echo "== HTTP under wrk (-t2 -c$connections -d${duration}s) on $day"
serve() { # port store
    "${almanac[@]}" --db "$2" serve --urls "http://127.0.0.1:$1" >"$work/serve-$1.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$1/api/feed/onthisday/all/$month/$dom" && return 0; sleep 1; done
    echo "bench: almanac serve on port $1 did not come up:" >&2; cat "$work/serve-$1.log" >&2; exit 1
}
serve 5101 "$work/big.db"; sqlite_pid=${pids[-1]}
serve 5102 "$(pg_url big)"; pg_pid_a=${pids[-1]}
serve 5103 "$(pg_url big)"; pg_pid_b=${pids[-1]}
mkdir -p "$work/static/api/feed/onthisday/all/$month" "$work/static/day"
curl -sf "http://127.0.0.1:5101/api/feed/onthisday/all/$month/$dom" -o "$work/static/api/feed/onthisday/all/$month/$dom"
curl -sf "http://127.0.0.1:5101/day/$day" -o "$work/static/day/$day"
chmod -R a+rX "$work/static"
curl -sf -o /dev/null "http://127.0.0.1:5101/day/$day" -w "one request, warm: day page %{time_total} s, " 
curl -sf -o /dev/null "http://127.0.0.1:5101/api/feed/onthisday/all/$month/$dom" -w "feed %{time_total} s (sqlite node)\n"
echo "response sizes: feed $(stat -c %s "$work/static/api/feed/onthisday/all/$month/$dom") bytes, day page $(stat -c %s "$work/static/day/$day") bytes"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx-body;
    proxy_temp_path $work/nginx-proxy;
    fastcgi_temp_path $work/nginx-fastcgi;
    uwsgi_temp_path $work/nginx-uwsgi;
    scgi_temp_path $work/nginx-scgi;
    upstream almanac_postgres { server 127.0.0.1:5102; server 127.0.0.1:5103; keepalive 64; }
    server {
        listen 127.0.0.1:5110;
        # Responses buffered in memory (1 MB a connection), never spooled to temp files: with nginx's default
        # 64 KB of buffers every 4 MB feed went through the disk, which measured the proxy's disk, not the nodes.
        location / { proxy_pass http://almanac_postgres; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering on;
                     proxy_buffers 16 64k; proxy_busy_buffers_size 128k; proxy_max_temp_file_size 0; }
    }
    server {
        listen 127.0.0.1:5111;
        root $work/static;
        default_type application/json;
        location /day/ { default_type text/html; }
    }
}
CONF
nginx -c "$work/nginx.conf"
for url in "http://127.0.0.1:5111/api/feed/onthisday/all/$month/$dom" "http://127.0.0.1:5111/day/$day" "http://127.0.0.1:5110/day/$day"; do
    curl -sf -o /dev/null "$url" || { echo "bench: nginx does not serve $url" >&2; cat "$work/nginx-error.log" >&2; exit 1; }
done

declare -A rps
load() { # name url
    local out
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 60s --latency "$2")
    rps[$1]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    printf '%-34s %10s req/s  p50 %9s  p99 %9s  errors: %s\n' "$1" "${rps[$1]}" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "$(grep -Eo 'Non-2xx or 3xx responses: [0-9]+|Socket errors: .*' <<<"$out" | tr '\n' ' ' || true)"
}
feed="api/feed/onthisday/all/$month/$dom"
load "feed sqlite (1 node)" "http://127.0.0.1:5101/$feed"
load "feed postgres (2 nodes, nginx)" "http://127.0.0.1:5110/$feed"
load "feed nginx static" "http://127.0.0.1:5111/$feed"
load "day sqlite (1 node)" "http://127.0.0.1:5101/day/$day"
load "day postgres (2 nodes, nginx)" "http://127.0.0.1:5110/day/$day"
load "day nginx static" "http://127.0.0.1:5111/day/$day"
for page in feed day; do
    for store in "sqlite (1 node)" "postgres (2 nodes, nginx)"; do
        awk -v a="${rps[$page $store]}" -v b="${rps[$page nginx static]}" -v n="$page $store" \
            'BEGIN { printf "%-34s %.4f of nginx static\n", n, a / b }'
    done
done
rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$1/status"; }
echo "server RSS after load: sqlite node $(rss "$sqlite_pid"); postgres nodes $(rss "$pg_pid_a"), $(rss "$pg_pid_b")"
