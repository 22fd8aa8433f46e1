#!/usr/bin/env bash
# Start throwaway PostgreSQL and MariaDB servers on loopback for the engine tests, and
# write their addresses to .ci/engines.env, which tests/sql/engines.py reads.
# Safe to run again: roles and databases are created if missing, never fail if present.
# These servers only hold test schemas: durability is traded for speed (no fsync), which
# makes the 500-table DDL tests minutes faster.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=.ci/engines.env
: > "$env_file"

if command -v pg_ctlcluster >/dev/null 2>&1; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_ctlcluster "$version" main start 2>/dev/null || service postgresql start
  for _ in $(seq 30); do su postgres -c "pg_isready -q" && break; sleep 1; done
  psql_admin() { su postgres -c "PGOPTIONS='-c client_min_messages=warning' psql -q -v ON_ERROR_STOP=1 -c \"$1\""; }
  psql_admin "ALTER SYSTEM SET fsync = off"
  psql_admin "ALTER SYSTEM SET synchronous_commit = off"
  psql_admin "SELECT pg_reload_conf()" >/dev/null
  psql_admin "DO \\\$\\\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'studio_test') THEN
        CREATE ROLE studio_test LOGIN PASSWORD 'studio_test' SUPERUSER;
      END IF; END \\\$\\\$"
  psql_admin "ALTER ROLE studio_test LOGIN PASSWORD 'studio_test' SUPERUSER"
  if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'studio_test'\"" | grep -q 1; then
    psql_admin "CREATE DATABASE studio_test OWNER studio_test"
  fi
  echo "STUDIO_TEST_POSTGRES=host=127.0.0.1 port=5432 dbname=studio_test user=studio_test password=studio_test" >> "$env_file"
fi

if command -v mariadbd >/dev/null 2>&1 || command -v mysqld >/dev/null 2>&1; then
  conf_dir=/etc/mysql/mariadb.conf.d
  conf="$conf_dir/90-studio-test.cnf"
  wanted="[mysqld]
# Throwaway test server (.ci/start-services.sh): no fsync, shared tablespace.
innodb_flush_log_at_trx_commit = 0
innodb_doublewrite = 0
innodb_file_per_table = 0
innodb_flush_method = nosync
sync_frm = 0
aria_sync_log_dir = NEVER
sync_binlog = 0"
  restart=no
  if [ -d "$conf_dir" ] && [ "$(cat "$conf" 2>/dev/null)" != "$wanted" ]; then
    printf '%s\n' "$wanted" > "$conf"
    restart=yes
  fi
  if [ "$restart" = yes ] && mariadb-admin ping >/dev/null 2>&1; then
    service mariadb restart >/dev/null 2>&1 || service mysql restart >/dev/null 2>&1 || true
  fi
  service mariadb start >/dev/null 2>&1 || service mysql start >/dev/null 2>&1 || true
  for _ in $(seq 30); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 1; done
  mariadb -e "CREATE DATABASE IF NOT EXISTS studio_test CHARACTER SET utf8mb4;
    CREATE USER IF NOT EXISTS 'studio_test'@'127.0.0.1' IDENTIFIED BY 'studio_test';
    GRANT ALL ON studio_test.* TO 'studio_test'@'127.0.0.1';
    GRANT ALL ON \`studio_t%\`.* TO 'studio_test'@'127.0.0.1'; FLUSH PRIVILEGES;"
  echo "STUDIO_TEST_MARIADB=host=127.0.0.1 port=3306 dbname=studio_test user=studio_test password=studio_test" >> "$env_file"
fi
cat "$env_file"
