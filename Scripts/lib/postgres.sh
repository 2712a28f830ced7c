# Sourced by Scripts/test and Scripts/bench: a PostgreSQL server for the tests of the shared
# store, unless one is given.
#
#   AVANCE_TEST_POSTGRES=postgresql://user@host/database  use that server instead: the role must
#       be allowed to create databases (each test makes one, avance_test_*, and drops it after);
#       its password in PGPASSWORD or ~/.pgpass.
#
# Otherwise start_test_postgres makes a throwaway server: initdb in a temporary folder (as the
# `postgres` user when run as root: PostgreSQL refuses to run as root), listening on a Unix
# socket in that folder only (no TCP port), trust authentication for its own socket; it is
# stopped and the folder removed when the script exits, however it exits.

# The folder of PostgreSQL's server programs: Debian keeps them under /usr/lib/postgresql/N/bin.
postgres_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    echo "PostgreSQL's server programs (initdb, pg_ctl) are missing: install the Debian package postgresql" >&2
    return 69
}

AVANCE_PG_DIR=""

stop_test_postgres() {
    [ -n "$AVANCE_PG_DIR" ] || return 0
    local bin
    bin="$(postgres_bin)" || true
    if [ -f "$AVANCE_PG_DIR/data/postmaster.pid" ]; then
        as_postgres "$bin/pg_ctl" -D "$AVANCE_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$AVANCE_PG_DIR"
    AVANCE_PG_DIR=""
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# start_test_postgres: exports AVANCE_TEST_POSTGRES (and leaves a given one alone).
start_test_postgres() {
    if [ -n "${AVANCE_TEST_POSTGRES:-}" ]; then
        echo "PostgreSQL tests against the given server: ${AVANCE_TEST_POSTGRES}" >&2
        return 0
    fi
    local bin
    bin="$(postgres_bin)" || return $?
    AVANCE_PG_DIR="$(mktemp -d /tmp/avance-pg.XXXXXX)"
    trap stop_test_postgres EXIT
    if [ "$(id -u)" -eq 0 ]; then
        if ! id postgres >/dev/null 2>&1; then
            echo "running as root and there is no postgres user to run PostgreSQL as (install the Debian package postgresql)" >&2
            return 69
        fi
        chown postgres: "$AVANCE_PG_DIR"
    fi
    as_postgres "$bin/initdb" -D "$AVANCE_PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$AVANCE_PG_DIR/initdb.log" 2>&1 \
        || { cat "$AVANCE_PG_DIR/initdb.log" >&2; return 1; }
    # Unix socket only; fsync off (a throwaway server; nothing to keep across a crash).
    as_postgres "$bin/pg_ctl" -D "$AVANCE_PG_DIR/data" -l "$AVANCE_PG_DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses= -k $AVANCE_PG_DIR -c fsync=off -c max_connections=200" >/dev/null \
        || { cat "$AVANCE_PG_DIR/server.log" >&2; return 1; }
    local socket
    socket="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$AVANCE_PG_DIR")"
    export AVANCE_TEST_POSTGRES="postgresql://postgres@$socket/postgres"
    echo "PostgreSQL tests against a throwaway server: $AVANCE_TEST_POSTGRES (set AVANCE_TEST_POSTGRES to use another)" >&2
}
