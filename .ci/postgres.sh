#!/usr/bin/env bash
# Sourced by .ci/run before the tests: installs PostgreSQL from Debian when missing, starts a throwaway
# cluster listening on 127.0.0.1 only, creates a login role that may create databases (the tests make
# one per run), and exports ALMANAC_TEST_POSTGRES and ALMANAC_REQUIRE_POSTGRES=1 so the PostgreSQL
# tests run and fail rather than skip. The server is stopped and its folder removed when the caller exits.
# The cluster trades durability for speed (fsync off): it lives for one CI run.

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/almanac-pg.XXXXXX)
pg_port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
pg_password=$(head -c 18 /dev/urandom | base64 | tr -d '+/=')

# initdb refuses to run as root: CI runs as root, so the cluster belongs to the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg_dir"; fi
printf '%s\n' "$pg_password" > "$pg_dir/pwfile"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg_dir/pwfile"; fi
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --pwfile="$pg_dir/pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
stop_almanac_postgres() {
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap stop_almanac_postgres EXIT

PGPASSWORD="$pg_password" "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE almanac LOGIN CREATEDB PASSWORD '$pg_password'" \
    -c "CREATE DATABASE almanac OWNER almanac"
export ALMANAC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=almanac;Password=$pg_password;Database=almanac"
export ALMANAC_REQUIRE_POSTGRES=1
echo "ci: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
