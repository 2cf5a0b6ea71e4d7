# A throwaway PostgreSQL cluster for the tests, on loopback, owned by whoever sources this file.
#
#   source .ci/postgres.sh
#   postgres_start            # installs PostgreSQL from Debian if missing, starts a cluster,
#                             # exports QUERYHUB_POSTGRES_URL
#   swift test
#   postgres_stop             # stops the cluster and deletes its files
#
# The cluster lives in a fresh temporary directory (data, log and Unix socket), listens on
# 127.0.0.1 only, on QUERYHUB_POSTGRES_PORT or the first free port from 55432 — never on the
# default 5432, so it does not meet a server already running there. It runs with the durable
# defaults (fsync, synchronous_commit on): the store refuses a server without them.

postgres_directory=""
postgres_bin=""

# Runs a command as the cluster's owner: initdb refuses root, so root runs it as `postgres`.
postgres_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

postgres_install() {
    postgres_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$postgres_bin" ] && [ -x "$postgres_bin/initdb" ]; then return 0; fi
    if [ "$(id -u)" != 0 ]; then
        echo "PostgreSQL is not installed; run: sudo apt-get install postgresql" >&2
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # The package may create and start its own cluster on 5432; ours keeps to its own port.
    apt-get install -y -q postgresql
    postgres_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

# True when something listens on 127.0.0.1:$1.
postgres_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

postgres_pick_port() {
    if [ -n "${QUERYHUB_POSTGRES_PORT:-}" ]; then
        echo "$QUERYHUB_POSTGRES_PORT"
        return 0
    fi
    local port
    for port in $(seq 55432 55462); do
        if ! postgres_port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port in 55432-55462" >&2
    return 1
}

postgres_start() {
    postgres_install || return 1
    local port attempt
    postgres_directory=$(mktemp -d /tmp/queryhub-postgres.XXXXXX)
    chmod 755 "$postgres_directory"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$postgres_directory"; fi
    local password=queryhub
    # SCRAM for TCP (the hub logs in with a password, as in production); peer for the socket.
    printf '%s\n' "$password" > "$postgres_directory/superuser-password"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$postgres_directory/superuser-password"; fi
    postgres_as_owner "$postgres_bin/initdb" -D "$postgres_directory/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 --pwfile="$postgres_directory/superuser-password" >"$postgres_directory/initdb.log" 2>&1 \
        || { cat "$postgres_directory/initdb.log" >&2; return 1; }
    # Another session may start its own cluster at the same moment and take the port between the
    # check and the start: then the start fails, and the next free port is tried (3 times at most).
    for attempt in 1 2 3; do
        port=$(postgres_pick_port) || return 1
        if postgres_as_owner "$postgres_bin/pg_ctl" -D "$postgres_directory/data" -l "$postgres_directory/server.log" -w -t 60 \
            -o "-k $postgres_directory -c listen_addresses=127.0.0.1 -p $port -c max_connections=200" start >/dev/null; then
            break
        fi
        if [ "$attempt" = 3 ] || [ -n "${QUERYHUB_POSTGRES_PORT:-}" ]; then
            cat "$postgres_directory/server.log" >&2
            return 1
        fi
    done
    postgres_as_owner "$postgres_bin/psql" -q -v ON_ERROR_STOP=1 -h "$postgres_directory" -p "$port" -U postgres -d postgres \
        -c "CREATE ROLE queryhub LOGIN PASSWORD '$password'" \
        -c "CREATE DATABASE queryhub_test OWNER queryhub" || return 1
    export QUERYHUB_POSTGRES_URL="postgres://queryhub:$password@127.0.0.1:$port/queryhub_test?sslmode=disable"
    echo "PostgreSQL $("$postgres_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $postgres_directory)"
}

postgres_stop() {
    if [ -z "$postgres_directory" ] || [ ! -d "$postgres_directory" ]; then return 0; fi
    postgres_as_owner "$postgres_bin/pg_ctl" -D "$postgres_directory/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$postgres_directory"
    postgres_directory=""
}
