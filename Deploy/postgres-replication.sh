#!/bin/sh
# Runs once, when the primary's data directory is first made (docker-entrypoint-initdb.d): lets the standby stream WAL
# as the arrears role, by password, from the compose network, and makes it synchronous from the first real start on — a
# commit is then acknowledged only once standby1 has it.
set -e
echo "host replication $POSTGRES_USER all scram-sha-256" >> "$PGDATA/pg_hba.conf"
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" \
  -c "ALTER ROLE $POSTGRES_USER WITH REPLICATION" \
  -c "ALTER SYSTEM SET synchronous_standby_names = 'standby1'"
