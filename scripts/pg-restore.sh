#!/usr/bin/env bash
# Restores a dump of scripts/pg-backup.sh into an EMPTY database (create it first, owned by the node's user):
#   scripts/pg-restore.sh <dump file> <libpq connection URI of the empty database>
# Stop the nodes before restoring over a database they use (docs/operations.md, "Backup and restore"); start them on the
# restored database afterwards: entities replay from the journal, projections resume from their stored offsets.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <dump file> <postgresql://user@host:port/db>" >&2
  exit 2
fi
dump=$1
url=$2
if [ -f "$dump.sha256" ]; then
  (cd "$(dirname "$dump")" && sha256sum --check --quiet "$(basename "$dump").sha256")
fi
tables=$(psql --dbname="$url" --tuples-only --no-align \
  --command="SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
if [ "$tables" != "0" ]; then
  echo "refusing to restore: the target database already has $tables tables in schema public" >&2
  exit 1
fi
# One transaction: a failed restore leaves the database empty rather than half restored.
pg_restore --dbname="$url" --no-owner --no-privileges --single-transaction --exit-on-error "$dump"
echo "restored $dump"
