#!/usr/bin/env bash
# Logical backup of the BlueMarble journal database (events, snapshots, read models) while the cluster runs:
#   scripts/pg-backup.sh <libpq connection URI> <backup directory>
#   e.g. scripts/pg-backup.sh postgresql://bluemarble@db.internal:5432/bluemarble /backups
# Writes <dir>/bluemarble-<UTC timestamp>.dump (pg_dump custom format, compressed) and a .sha256 beside it, and prints
# the file name. The password comes from PGPASSWORD or ~/.pgpass. pg_dump's major version must be >= the server's.
# See docs/operations.md, "Backup and restore".
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <postgresql://user@host:port/db> <backup directory>" >&2
  exit 2
fi
url=$1
dir=$2
mkdir -p "$dir"
file="$dir/bluemarble-$(date -u +%Y%m%dT%H%M%SZ).dump"
# One snapshot for the whole dump: every table as of the same instant, while nodes keep writing.
pg_dump --dbname="$url" --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial"
mv "$file.partial" "$file"
(cd "$dir" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")
echo "$file"
