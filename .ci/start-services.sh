#!/usr/bin/env bash
# Start throwaway PostgreSQL and MariaDB servers on loopback for the engine tests, and
# write their addresses to .ci/engines.env, which tests/engines.py reads.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=.ci/engines.env
: > "$env_file"

if command -v pg_ctlcluster >/dev/null 2>&1; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_ctlcluster "$version" main start 2>/dev/null || service postgresql start
  for _ in $(seq 30); do su postgres -c "pg_isready -q" && break; sleep 1; done
  # Idempotent: the database goes before the role that owns it.
  psql_admin() { su postgres -c "PGOPTIONS='-c client_min_messages=warning' psql -q -v ON_ERROR_STOP=1 -c \"$1\""; }
  psql_admin "DROP DATABASE IF EXISTS studio_test"
  psql_admin "DROP ROLE IF EXISTS studio_test"
  psql_admin "CREATE ROLE studio_test LOGIN PASSWORD 'studio_test' SUPERUSER"
  psql_admin "CREATE DATABASE studio_test OWNER studio_test"
  echo "STUDIO_TEST_POSTGRES=host=127.0.0.1 port=5432 dbname=studio_test user=studio_test password=studio_test" >> "$env_file"
fi

if command -v mariadbd >/dev/null 2>&1 || command -v mysqld >/dev/null 2>&1; then
  service mariadb start >/dev/null 2>&1 || service mysql start >/dev/null 2>&1 || true
  for _ in $(seq 30); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 1; done
  mariadb -e "DROP DATABASE IF EXISTS studio_test; CREATE DATABASE studio_test CHARACTER SET utf8mb4;
    CREATE USER IF NOT EXISTS 'studio_test'@'127.0.0.1' IDENTIFIED BY 'studio_test';
    GRANT ALL ON studio_test.* TO 'studio_test'@'127.0.0.1';
    GRANT ALL ON \`studio_t%\`.* TO 'studio_test'@'127.0.0.1'; FLUSH PRIVILEGES;"
  echo "STUDIO_TEST_MARIADB=host=127.0.0.1 port=3306 dbname=studio_test user=studio_test password=studio_test" >> "$env_file"
fi
cat "$env_file"
