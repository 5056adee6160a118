#!/bin/sh
# PostgreSQL's image runs this once, on an empty data directory: one database per name in
# ENSEMBLE_DATABASES (one per subgraph, and the registry's), as the architecture gives each
# plugin its own database. The compose test checks the list against the code's roles.
set -eu
for name in $(echo "$ENSEMBLE_DATABASES" | tr ',' ' '); do
  case "$name" in (*[!a-z0-9]*|'') echo "bad database name: $name" >&2; exit 1;; esac
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -c "CREATE DATABASE \"$name\""
done
