#!/usr/bin/env bash
# The ceiling of a cached hit on this stack: what a node's hit would cost per CPU second against nginx static if its bytes
# reached the socket without Kestrel's copies. Builds this checkout with bench/zero-copy-ceiling.patch applied (a measuring
# prototype, never part of a build: a connection middleware that answers a GET carrying only Host and Accept-Encoding with
# the bytes registered for its path, see the patch's header) into a temporary folder, then serves one store from
#   base          this checkout as built (./almanac), Kestrel's path: body copied into its output pipe, then write(2);
#   send          the prototype, send(2) straight from the cached array (no pipe copy; the kernel still copies);
#   sendfile      the prototype, headers (MSG_MORE) then sendfile(2) from a memfd holding the body (no copy);
#   sendfile-tmp  the same from an O_TMPFILE on disk (page cache, as nginx's static file);
# and nginx (sendfile, gzip_static with the node's own gzip bytes), each pinned to CPU 0 with wrk on CPU 1 as in load.sh.
# The machine is shared, so servers are measured in interleaved rounds (nginx, then each mode, ROUNDS times) and each mode's
# per-CPU-second rate is divided by nginx's of the same round; the per-round ratios and their median are printed.
# Knobs: EVENTS (200000), WHAT (feed|day), ENCODING (gzip; empty: none), CONNECTIONS (32), ROUNDS (5), DURATION (6 s),
# WARMUP (4 s), SETTLE (2 s), DAY (02-25), MODES ("base send sendfile sendfile-tmp"). The patch is made against the
# CachedResponse and AlmanacWeb of its commit; if it no longer applies, the hit path has changed and it needs redoing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
days_jsonl="$root/../shared/corpora/wikipedia-days/days.jsonl"
events=${EVENTS:-200000}; rounds=${ROUNDS:-5}; duration=${DURATION:-6}; warmup=${WARMUP:-4}; settle=${SETTLE:-2}
connections=${CONNECTIONS:-32}; encoding=${ENCODING-gzip}; day=${DAY:-02-25}
read -r -a modes <<<"${MODES:-base send sendfile sendfile-tmp}"
path="api/feed/onthisday/all/${day%-*}/${day#*-}"; [ "${WHAT:-feed}" = day ] && path="day/$day"

source .ci/postgres.sh
work=$(mktemp -d /tmp/almanac-ceiling.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$work/nginx.pid" ] && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
    rm -rf "$work"
    stop_almanac_postgres
}
trap cleanup EXIT

echo "ceiling: building this checkout and the prototype (Release)..."
./almanac --help >/dev/null
dotnet build bench/Almanac.Bench.Load -c Release --nologo -v quiet "-clp:NoSummary;ErrorsOnly"
mkdir "$work/prototype"
git archive HEAD src Directory.Build.props Directory.Packages.props | tar -x -C "$work/prototype"
(cd "$work/prototype" && git apply "$root/bench/zero-copy-ceiling.patch")
dotnet build "$work/prototype/src/Almanac.Cli/Almanac.Cli.csproj" -c Release -o "$work/prototype/out" --nologo -v quiet "-clp:NoSummary;ErrorsOnly"

PGPASSWORD="$pg_password" "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U almanac -d almanac -c "CREATE DATABASE big"
store="postgres://almanac:$pg_password@127.0.0.1:$pg_port/big"
bench/Almanac.Bench.Load/bin/Release/net10.0/Almanac.Bench.Load bulk-load "$store" "$events" "$days_jsonl" | head -n 1
pg_postmaster=$(head -n 1 "$pg_dir/data/postmaster.pid")
for pid in "$pg_postmaster" $(pgrep -P "$pg_postmaster"); do taskset -p -c 1 "$pid" >/dev/null; done

declare -A server_pid server_port
port=5301
for mode in "${modes[@]}"; do
    case $mode in
        base) env -u PROTO taskset -c 0 dotnet "$root/.almanac/bin/almanac.dll" --db "$store" serve --urls "http://127.0.0.1:$port" >"$work/$mode.log" 2>&1 & ;;
        send|sendfile) PROTO=$mode taskset -c 0 dotnet "$work/prototype/out/almanac.dll" --db "$store" serve --urls "http://127.0.0.1:$port" >"$work/$mode.log" 2>&1 & ;;
        sendfile-tmp) PROTO=sendfile PROTO_FILE="$work" taskset -c 0 dotnet "$work/prototype/out/almanac.dll" --db "$store" serve --urls "http://127.0.0.1:$port" >"$work/$mode.log" 2>&1 & ;;
        *) echo "ceiling: unknown mode $mode" >&2; exit 2 ;;
    esac
    pids+=($!); server_pid[$mode]=$!; server_port[$mode]=$port; port=$((port + 1))
done
for mode in "${modes[@]}"; do
    for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:${server_port[$mode]}/$path" && break; sleep 1; done
    # The request wrk will send registers its representation with the prototype (curl's is answered by Kestrel).
    curl -sf -o /dev/null ${encoding:+-H "Accept-Encoding: $encoding"} "http://127.0.0.1:${server_port[$mode]}/$path"
done
mkdir -p "$work/static/$(dirname "$path")"
curl -sf "http://127.0.0.1:${server_port[${modes[0]}]}/$path" -o "$work/static/$path"
curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:${server_port[${modes[0]}]}/$path" -o "$work/static/$path.gz"
chmod -R a+rX "$work/static"
cat > "$work/nginx.conf" <<CONF
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path $work/b; proxy_temp_path $work/p; fastcgi_temp_path $work/f; uwsgi_temp_path $work/u; scgi_temp_path $work/s;
    sendfile on; gzip_static on; gzip_vary on;
    server { listen 127.0.0.1:5311; root $work/static; default_type application/json; location /day/ { default_type text/html; } } }
CONF
taskset -c 0 nginx -c "$work/nginx.conf"
sleep 1
server_pid[nginx]=$(cat "$work/nginx.pid"); server_port[nginx]=5311
echo "== /$path, Accept-Encoding: ${encoding:-none}, $(stat -c %s "$work/static/$path") bytes (gzip $(stat -c %s "$work/static/$path.gz")); wrk -t1 -c$connections, ${duration}s after ${warmup}s; servers on CPU 0, wrk and PostgreSQL on CPU 1"

ticks() { local total=0 pid; for pid in "$@" $(for parent in "$@"; do pgrep -P "$parent" || true; done); do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
wrk_args=(-t1 "-c$connections" --timeout 60s); [ -n "$encoding" ] && wrk_args+=(-H "Accept-Encoding: $encoding")
declare -A ratios
for round in $(seq "$rounds"); do
    reference=""
    for server in nginx "${modes[@]}"; do
        url="http://127.0.0.1:${server_port[$server]}/$path"
        taskset -c 1 wrk "${wrk_args[@]}" "-d${warmup}s" "$url" >/dev/null
        sleep "$settle"
        before=$(ticks "${server_pid[$server]}")
        out=$(taskset -c 1 wrk "${wrk_args[@]}" "-d${duration}s" --latency "$url")
        per_cpu=$(awk -v t=$(($(ticks "${server_pid[$server]}") - before)) -v hz="$(getconf CLK_TCK)" '/requests in/ { printf "%.0f", (t > 0 ? $1 / (t / hz) : 0) }' <<<"$out")
        [ "$server" = nginx ] && reference=$per_cpu
        ratio=$(awk -v a="$per_cpu" -v b="$reference" 'BEGIN { printf "%.2f", a / b }')
        [ "$server" = nginx ] || ratios[$server]+=" $ratio"
        printf 'round %d %-13s %9s req/s %7s per CPU second (%s of nginx)  p99 %8s  errors: %s load %s\n' "$round" "$server" \
            "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$per_cpu" "$ratio" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
            "$(grep -Eo 'Non-2xx or 3xx responses: [0-9]+|Socket errors: .*' <<<"$out" | tr '\n' ' ' || echo none)" "$(cut -d' ' -f1 /proc/loadavg)"
    done
done
for mode in "${modes[@]}"; do
    # shellcheck disable=SC2086 # the ratios are words
    printf '%-13s per CPU second of nginx, median of %d rounds: %s (rounds: %s)\n' "$mode" "$rounds" \
        "$(printf '%s\n' ${ratios[$mode]} | sort -n | awk '{ a[NR] = $1 } END { print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')" "${ratios[$mode]# }"
done
# The prototype's own count: requests it answered, and those it passed to Kestrel (curl's, and anything unrecognised).
for mode in "${modes[@]}"; do [ "$mode" = base ] || grep PROTO "$work/$mode.log" | tail -n 1; done
