#!/usr/bin/env bash
# Load benchmarks, printing figures:
#  1. ingest throughput (documents/s, MB/s): SQLite, and PostgreSQL with 1, 2 and 4 queue workers;
#  2. a store of $EVENTS (default 1,000,000) events from days.jsonl texts with shifted years, on SQLite and PostgreSQL;
#  3. GET /api/feed/onthisday/all/MM/DD and GET /day/MM-DD under wrk on loopback, one server on one core against
#     wrk on the other: a SQLite node, a PostgreSQL node, and nginx serving the same bytes as static files with sendfile
#     (the ceiling), each as sent (wrk asks for no encoding) and gzip-encoded (Accept-Encoding: gzip; nginx sends our
#     own gzip bytes, precompressed, with gzip_static); our throughput as a fraction of nginx's, in requests per second
#     and per second of the server's own CPU time (what a request costs the server, which other work on the machine
#     does not change); the day page's latency also at $P99_CONNECTIONS connections, which one core serves without a
#     queue, so its p99 is the server's tail rather than the queue's; server RSS;
#  4. PostgreSQL nodes, each and PostgreSQL in a network namespace of its own: one asked directly, two behind nginx
#     (SKIP_NETNS=1: not).
# Installs wrk and nginx from Debian when missing, and PostgreSQL through .ci/postgres.sh (a throwaway cluster,
# fsync off). The corpus is read from ../shared at run time; nothing it makes is kept.
# Knobs: EVENTS, DOCS (ingest documents), DURATION (s per wrk run), WARMUP (s under wrk before each), SETTLE (s idle between
# warm-up and measurement), CONNECTIONS, P99_CONNECTIONS, DAY (MM-DD), SKIP_INGEST=1, SKIP_ONE_CORE=1 (only part 4),
# ALMANAC_BIN (a folder with another build's almanac.dll to measure, e.g. a copy of an older .almanac/bin),
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
p99_connections=${P99_CONNECTIONS:-4}
warmup=${WARMUP:-10}
settle=${SETTLE:-3}
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
    for conf in "$work"/nginx-*.conf; do [ -f "$conf" ] && nginx -c "$conf" -s stop 2>/dev/null || true; done
    rm -rf "$work"
    stop_almanac_postgres
}
trap cleanup EXIT

echo "bench: building (Release)..."
dotnet build bench/Almanac.Bench.Load -c Release --nologo -v quiet "-clp:NoSummary;ErrorsOnly"
./almanac --help >/dev/null
bench="$root/bench/Almanac.Bench.Load/bin/Release/net10.0/Almanac.Bench.Load"
almanac=(dotnet "${ALMANAC_BIN:-$root/.almanac/bin}/almanac.dll")
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
[ "${SKIP_ONE_CORE:-0}" = 1 ] || "$bench" bulk-load "$work/big.db" "$events" "$days_jsonl"
new_db big
"$bench" bulk-load "$(pg_url big)" "$events" "$days_jsonl"
echo "sqlite file: $(du -sh "$work/big.db" 2>/dev/null | cut -f1); postgres database: $(PGPASSWORD="$pg_password" "$pg_bin/psql" -tA -h 127.0.0.1 -p "$pg_port" -U almanac -d big -c "SELECT pg_size_pretty(pg_database_size('big'))")"

if [ "${PROFILE:-0}" = 1 ]; then
    echo "== one request at a time on $day"
    [ "${SKIP_ONE_CORE:-0}" = 1 ] || "$bench" profile "$work/big.db" "$day"
    "$bench" profile "$(pg_url big)" "$day"
fi

# One core serves, the other loads: every server under test (a SQLite node, a PostgreSQL node, nginx with one worker)
# runs alone on $server_cpu, wrk and PostgreSQL on $client_cpu, so "of nginx static" compares one core's work with one
# core's. With fewer than 2 cores nothing is pinned (and the figures say so).
if [ "$(nproc)" -ge 2 ]; then server_cpu=0; client_cpu=1; pin_server=(taskset -c "$server_cpu"); pin_client=(taskset -c "$client_cpu")
else pin_server=(); pin_client=(); echo "bench: one core, nothing pinned"; fi
pg_postmaster=$(head -n 1 "$pg_dir/data/postmaster.pid")
if [ ${#pin_client[@]} -gt 0 ]; then
    for pid in "$pg_postmaster" $(pgrep -P "$pg_postmaster"); do taskset -p -c "$client_cpu" "$pid" >/dev/null; done
fi

serve() { # port store [command prefix...]
    local port=$1 store=$2; shift 2
    "$@" "${almanac[@]}" --db "$store" serve --urls "http://0.0.0.0:$port" >"$work/serve-$port.log" 2>&1 &
    pids+=($!)
}
wait_up() { # url log
    for _ in $(seq 120); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done
    echo "bench: $1 did not come up:" >&2; cat "$2" >&2; exit 1
}
nginx_conf() { # name workers server-block
    cat > "$work/nginx-$1.conf" <<CONF
worker_processes $2;
pid $work/nginx-$1.pid;
error_log $work/nginx-$1-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx-$1-body;
    proxy_temp_path $work/nginx-$1-proxy;
    fastcgi_temp_path $work/nginx-$1-fastcgi;
    uwsgi_temp_path $work/nginx-$1-uwsgi;
    scgi_temp_path $work/nginx-$1-scgi;
    $3
}
CONF
}
declare -A rps per_cpu
# CPU time a server and its children used, in clock ticks: what a run cost the server whatever else ran on its core.
cpu_ticks() { # pid...
    local total=0 pid
    for pid in "$@" $(for parent in "$@"; do pgrep -P "$parent"; done); do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
    echo "$total"
}
load() { # name url "server-pids" [wrk prefix...]; $encoding (an Accept-Encoding to send) and $clients (connections) if set
    local name=$1 url=$2 server=$3 out before wrk_args; shift 3
    wrk_args=(-t"${threads:-1}" -c"${clients:-$connections}" --timeout 60s)
    [ -n "${encoding:-}" ] && wrk_args+=(-H "Accept-Encoding: $encoding")
    # Unmeasured first: the server's hit path compiled to its final tier and its buffers grown, as in a node that has
    # run a while (a .NET node is still compiling its hot methods a few seconds in).
    "$@" wrk "${wrk_args[@]}" -d"${warmup}s" "$url" >/dev/null
    # Then idle: the warm-up's end closes its connections, and a .NET node compiles the code of that teardown (called once
    # per connection) in the background; on the node's one core that compilation would be counted against the next run.
    sleep "$settle"
    # shellcheck disable=SC2086 # the pids are words
    before=$(cpu_ticks $server)
    out=$("$@" wrk "${wrk_args[@]}" -d"${duration}s" --latency "$url")
    # Requests per second of the server's own CPU time: on a machine shared with other work the rate wrk sees is
    # bounded by whatever else runs (wrk's core too), while the CPU a request costs the server is its own.
    # shellcheck disable=SC2086
    per_cpu[$name]=$(awk -v ticks=$(($(cpu_ticks $server) - before)) -v hz="$(getconf CLK_TCK)" \
        '/requests in/ { printf "%.0f", (ticks > 0 ? $1 / (ticks / hz) : 0) }' <<<"$out")
    rps[$name]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    printf '%-34s %10s req/s  %7s per CPU second  p50 %9s  p99 %9s  errors: %s\n' "$name" "${rps[$name]}" "${per_cpu[$name]}" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "$(grep -Eo 'Non-2xx or 3xx responses: [0-9]+|Socket errors: .*' <<<"$out" | tr '\n' ' ' || true)"
}
ratio() { # name reference
    awk -v a="${rps[$1]}" -v b="${rps[$2]}" -v c="${per_cpu[$1]}" -v d="${per_cpu[$2]}" -v n="$1" \
        'BEGIN { printf "%-34s %.2f of %s in req/s, %.2f per CPU second\n", n, a / b, "'"$2"'", c / d }'
}
feed="api/feed/onthisday/all/$month/$dom"
rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$1/status"; }

if [ "${SKIP_ONE_CORE:-0}" != 1 ]; then
    echo "== HTTP under wrk (-t1 -c$connections -d${duration}s, after ${warmup}s unmeasured) on $day, one server at a time on CPU ${server_cpu:-any}, wrk and PostgreSQL on CPU ${client_cpu:-any}"
    serve 5101 "$work/big.db" "${pin_server[@]}"; sqlite_pid=${pids[-1]}
    serve 5102 "$(pg_url big)" "${pin_server[@]}"; pg_pid=${pids[-1]}
    wait_up "http://127.0.0.1:5101/api/feed/onthisday/all/$month/$dom" "$work/serve-5101.log"
    wait_up "http://127.0.0.1:5102/api/feed/onthisday/all/$month/$dom" "$work/serve-5102.log"
    mkdir -p "$work/static/api/feed/onthisday/all/$month" "$work/static/day"
    # The same bytes for nginx as the nodes send: as built, and our gzip encoding beside it for gzip_static.
    for path in "api/feed/onthisday/all/$month/$dom" "day/$day"; do
        curl -sf "http://127.0.0.1:5101/$path" -o "$work/static/$path"
        curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:5101/$path" -o "$work/static/$path.gz"
        # A node that does not encode (an older Almanac) sent the body as built: nginx then sends gzip -6's encoding.
        gzip -t "$work/static/$path.gz" 2>/dev/null || gzip -6 -c "$work/static/$path" > "$work/static/$path.gz"
    done
    chmod -R a+rX "$work/static"
    curl -sf -o /dev/null "http://127.0.0.1:5101/day/$day" -w "one request, warm: day page %{time_total} s, "
    curl -sf -o /dev/null "http://127.0.0.1:5101/api/feed/onthisday/all/$month/$dom" -w "feed %{time_total} s (sqlite node)\n"
    echo "response sizes: feed $(stat -c %s "$work/static/api/feed/onthisday/all/$month/$dom") bytes (gzip $(stat -c %s "$work/static/api/feed/onthisday/all/$month/$dom.gz")), day page $(stat -c %s "$work/static/day/$day") bytes (gzip $(stat -c %s "$work/static/day/$day.gz"))"
    nginx_conf static 1 "sendfile on; gzip_static on; gzip_vary on;
        server { listen 127.0.0.1:5111; root $work/static; default_type application/json; location /day/ { default_type text/html; } }"
    "${pin_server[@]}" nginx -c "$work/nginx-static.conf"
    curl -sf -o /dev/null "http://127.0.0.1:5111/day/$day" || { echo "bench: nginx does not serve the static copy" >&2; cat "$work/nginx-static-error.log" >&2; exit 1; }

    nginx_pid=$(cat "$work/nginx-static.pid")
    runs=("feed" "feed gzip" "day" "day gzip" "day c$p99_connections")
    for run in "${runs[@]}"; do
        path=$feed; [ "${run%% *}" = day ] && path="day/$day"
        encoding=""; [ "${run#* }" = gzip ] && encoding=gzip
        clients=$connections; [ "$run" = "day c$p99_connections" ] && clients=$p99_connections
        load "$run nginx static (1 core)" "http://127.0.0.1:5111/$path" "$nginx_pid" "${pin_client[@]}"
        load "$run sqlite node (1 core)" "http://127.0.0.1:5101/$path" "$sqlite_pid" "${pin_client[@]}"
        load "$run postgres node (1 core)" "http://127.0.0.1:5102/$path" "$pg_pid" "${pin_client[@]}"
    done
    encoding=""; clients=""
    for run in "${runs[@]}"; do
        ratio "$run sqlite node (1 core)" "$run nginx static (1 core)"
        ratio "$run postgres node (1 core)" "$run nginx static (1 core)"
    done
    echo "server RSS after load: sqlite node $(rss "$sqlite_pid"); postgres node $(rss "$pg_pid")"
    kill "$sqlite_pid" "$pg_pid"
fi

# Two PostgreSQL nodes behind nginx, each node and PostgreSQL in a network namespace of its own, joined to nginx and
# wrk (in this one) by veth links on a bridge that leads nowhere else: what the proxy hop and a network between nodes
# and database cost. Needs `ip netns` (root, CAP_NET_ADMIN); skipped with a note where the machine does not allow it.
if [ "${SKIP_NETNS:-0}" != 1 ] && ip netns add almanac-bench-probe 2>/dev/null; then
    ip netns del almanac-bench-probe
    bridge=almbr$$; spaces=()
    netns_cleanup() {
        for ns in "${spaces[@]}"; do ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null || true; ip netns del "$ns" 2>/dev/null || true; done
        ip link del "$bridge" 2>/dev/null || true
    }
    trap 'netns_cleanup; cleanup' EXIT
    ip link add "$bridge" type bridge && ip addr add 10.211.0.1/24 dev "$bridge" && ip link set "$bridge" up
    join() { # namespace address
        local ns=$1 veth="v$$-${2##*.}"
        ip netns add "$ns"; spaces+=("$ns")
        ip link add "$veth" type veth peer name eth0 netns "$ns"
        ip link set "$veth" master "$bridge" up
        ip -n "$ns" addr add "$2/24" dev eth0; ip -n "$ns" link set eth0 up; ip -n "$ns" link set lo up
    }
    join almanac-bench-db 10.211.0.2; join almanac-bench-a 10.211.0.11; join almanac-bench-b 10.211.0.12
    # PostgreSQL moves into its namespace: stopped here, started there on its address only, nodes allowed in by pg_hba.
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null
    echo "host all all 10.211.0.0/24 scram-sha-256" >> "$pg_dir/data/pg_hba.conf"
    ip netns exec almanac-bench-db runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
        -o "-c listen_addresses=10.211.0.2 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
    stop_almanac_postgres() {
        ip netns exec almanac-bench-db runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
    }
    db_url="postgres://almanac:$pg_password@10.211.0.2:$pg_port/big"
    serve 5102 "$db_url" ip netns exec almanac-bench-a; node_a=${pids[-1]}; serve 5103 "$db_url" ip netns exec almanac-bench-b; node_b=${pids[-1]}
    wait_up "http://10.211.0.11:5102/day/$day" "$work/serve-5102.log"; wait_up "http://10.211.0.12:5103/day/$day" "$work/serve-5103.log"
    nginx_conf proxy 2 "upstream almanac_postgres { server 10.211.0.11:5102; server 10.211.0.12:5103; keepalive 64; }
    server { listen 127.0.0.1:5110;
        # Responses streamed through one 64 KB buffer, neither spooled to temp files (that would measure the disk) nor
        # buffered whole in memory: nginx then allocates and frees about 1 MB a request, glibc gives it back to the kernel
        # each time (brk), and the TLB flush that takes on the other core made the proxy, not the nodes, the limit
        # (feed 82 against 318 req/s, day page 732 against 2,094, same run). The client's Host goes upstream, as in a
        # deployment: the feed's addresses name the site, not the upstream block. (proxy_buffers and proxy_busy_buffers_size
        # only because nginx checks them against proxy_buffer_size.)
        location / { proxy_pass http://almanac_postgres; proxy_http_version 1.1; proxy_set_header Connection \"\";
                     proxy_set_header Host \$http_host; proxy_buffering off; proxy_buffer_size 64k;
                     proxy_buffers 4 64k; proxy_busy_buffers_size 128k; } }"
    nginx -c "$work/nginx-proxy.conf"
    echo "== PostgreSQL nodes in their own network namespaces (unpinned; wrk -t2), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    # One node asked directly over its veth link, then two behind nginx: the namespace hop's cost apart from the proxy's.
    # Per CPU second is of the nodes asked (the proxy's own CPU is not counted).
    for run in "feed" "feed gzip" "day" "day gzip"; do
        path=$feed; [ "${run%% *}" = day ] && path="day/$day"
        encoding=""; [ "${run#* }" = gzip ] && encoding=gzip
        threads=2 load "$run (1 node, direct)" "http://10.211.0.11:5102/$path" "$node_a"
        threads=2 load "$run (2 nodes, nginx)" "http://127.0.0.1:5110/$path" "$node_a $node_b"
    done
    encoding=""
    nginx -c "$work/nginx-proxy.conf" -s stop
else
    echo "== two-node run skipped: SKIP_NETNS=1, or this machine does not allow network namespaces (ip netns add failed)"
fi
