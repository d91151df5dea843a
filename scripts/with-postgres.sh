#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster.
#
#   scripts/with-postgres.sh COMMAND [ARGS...]
#
# initdb into a fresh temporary directory, start the server on a free port on 127.0.0.1 only
# (its unix socket lives inside the temporary directory), create the superuser role `aduan`
# and the database `aduan`, export DATABASE_URL (and the libpq PG* variables) and run COMMAND.
# ADUAN_PG_RESTART names a script that restarts the server (immediate mode, as a crash would).
# The cluster is stopped and its directory removed whatever happens; the exit code is COMMAND's.
#
# The role is a superuser of this cluster so pytest-django can create and drop `test_aduan`.
# Durability is off (fsync, synchronous_commit, full_page_writes): the data lives for one run.
# ADUAN_PG_DURABLE=1 keeps it on, for the fault runs that crash the server on purpose (a commit
# acknowledged without synchronous_commit is lost by a crash, which is no fault of the app).
#
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user,
# which only needs the temporary directory (created here and handed over with chown).
# As any other user the server runs as that user.
#
# Environment: PG_BINDIR (where initdb, pg_ctl live; default: newest /usr/lib/postgresql/*/bin,
# preferring 15), ADUAN_PG_TMPDIR (parent of the temporary directory; default /tmp — keep it short,
# a unix socket path must fit in 107 bytes), ADUAN_PG_KEEP_LOG=1 (print the server log at the end),
# ADUAN_PG_OPTIONS (more server settings, e.g. "-c shared_buffers=4GB": `make bench` sizes the
# server as deploy/README.md says production should be).
set -euo pipefail

log() { printf 'with-postgres: %s\n' "$*" >&2; }

if (($# == 0)); then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

find_bindir() {
    if [[ -n ${PG_BINDIR:-} ]]; then
        echo "$PG_BINDIR"
        return
    fi
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
        echo /usr/lib/postgresql/15/bin
        return
    fi
    local candidate newest=""
    for candidate in /usr/lib/postgresql/*/bin; do
        [[ -x $candidate/initdb ]] && newest=$candidate
    done
    if [[ -z $newest ]] && command -v pg_config >/dev/null 2>&1; then
        newest=$(pg_config --bindir)
    fi
    if [[ -z $newest ]] && command -v initdb >/dev/null 2>&1; then
        newest=$(dirname "$(command -v initdb)")
    fi
    if [[ -z $newest || ! -x $newest/initdb ]]; then
        log "no PostgreSQL server binaries found (install postgresql-15, or set PG_BINDIR)"
        exit 1
    fi
    echo "$newest"
}

bindir=$(find_bindir)

# Who runs the server: ourselves, or `postgres` when we are root.
run_as=()
if ((EUID == 0)); then
    server_user=postgres
    if ! id -u "$server_user" >/dev/null 2>&1; then
        log "running as root but there is no 'postgres' user to run the server as"
        exit 1
    fi
    run_as=(runuser -u "$server_user" --)
fi

# A free TCP port on the loopback interface. Another process could take it before the server
# binds it; the start loop below then simply tries another one.
free_port() {
    python3 - <<'EOF'
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
EOF
}

tmp_parent=${ADUAN_PG_TMPDIR:-/tmp}
cluster=$(mktemp -d "$tmp_parent/aduan-pg.XXXXXX")
data=$cluster/data
socket_dir=$cluster/socket
server_log=$cluster/server.log
started=0

# shellcheck disable=SC2329  # called by the EXIT trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    if ((started)); then
        # Immediate: nothing here needs to survive, and it takes milliseconds.
        (cd "$cluster" && "${run_as[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1) ||
            log "pg_ctl stop failed; see $server_log"
    fi
    if [[ ${ADUAN_PG_KEEP_LOG:-0} == 1 && -f $server_log ]]; then
        log "server log:"
        cat "$server_log" >&2
    fi
    rm -rf -- "$cluster"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

mkdir -p "$socket_dir"
password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" >"$cluster/pwfile"
chmod 600 "$cluster/pwfile"
if ((EUID == 0)); then
    chown -R "$server_user:" "$cluster"
fi

# Run a PostgreSQL binary as the server user, from a directory that user can enter.
pg() {
    (cd "$cluster" && "${run_as[@]}" "$bindir/$1" "${@:2}")
}

locale_args=(--locale=C.UTF-8)
if ! locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then
    locale_args=(--no-locale)
fi

pg initdb --pgdata="$data" --username=aduan --pwfile="$cluster/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 "${locale_args[@]}" \
    --no-sync --no-instructions >"$cluster/initdb.log" 2>&1 || {
    cat "$cluster/initdb.log" >&2
    log "initdb failed"
    exit 1
}
rm -f "$cluster/pwfile"

for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # Settings on the command line (not in postgresql.conf) so that they win over the defaults.
    options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$socket_dir"
    if [[ ${ADUAN_PG_DURABLE:-0} != 1 ]]; then
        options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    options+=" -c max_connections=200 ${ADUAN_PG_OPTIONS:-}"
    if pg pg_ctl -D "$data" -l "$server_log" -o "$options" -w -t 60 start >/dev/null; then
        started=1
        break
    fi
    log "server did not start on port $port (attempt $attempt)"
    tail -n 20 "$server_log" >&2 || true
    # A failed start may still have left a half-started postmaster behind.
    pg pg_ctl -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
done
if ((!started)); then
    log "giving up starting PostgreSQL"
    exit 1
fi

pg createdb --host="$socket_dir" --port="$port" --username=aduan aduan

# The fault runs (bench/sms_load.py, `make chaos`) restart the server in the middle of a load.
restart_script=$cluster/restart
cat >"$restart_script" <<EOF
#!/bin/sh
cd "$cluster" && exec ${run_as[*]} "$bindir/pg_ctl" -D "$data" -l "$server_log" -m immediate -w -t 60 restart >/dev/null
EOF
chmod 755 "$restart_script"
export ADUAN_PG_RESTART=$restart_script

export DATABASE_URL="postgres://aduan:$password@127.0.0.1:$port/aduan"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=aduan PGPASSWORD=$password PGDATABASE=aduan

version=$(pg psql --host="$socket_dir" --port="$port" --username=aduan --no-psqlrc -At \
    -c 'show server_version' aduan)
log "PostgreSQL $version on 127.0.0.1:$port (cluster $cluster)"

# Not `exec`: the trap has to stop the cluster afterwards. The command's status becomes ours.
set +e
"$@"
rc=$?
set -e
exit "$rc"
