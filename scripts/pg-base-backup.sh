#!/usr/bin/env bash
# Base backup of the journal's PostgreSQL server with the low-level API, while nodes keep writing (the procedure
# PostgresBackupRestoreTest runs on the embedded PostgreSQL): pg_backup_start, copy of the data directory without
# pg_wal and the pid file, pg_backup_stop, its label written as backup_label into the copy, then a tarball.
#   scripts/pg-base-backup.sh <data directory> <backup directory> [psql connection options...]
#   e.g. sudo -u postgres scripts/pg-base-backup.sh /var/lib/postgresql/17/main /backups -h /var/run/postgresql
# Needs, on the server, WAL archiving (postgresql.conf): wal_level = replica, archive_mode = on,
#   archive_command = 'test ! -f /archive/%f && cp %p /archive/%f'   (durable storage, not the data disk)
# Runs on the database host (it reads the data directory). pg_basebackup does the same over the network where it is
# available; this script needs only psql. See docs/operations.md, "Backup and restore".
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 <data directory> <backup directory> [psql options]" >&2
  exit 2
fi
data=$1
dir=$2
shift 2
mkdir -p "$dir"
name="base-$(date -u +%Y%m%dT%H%M%SZ)"
copy="$dir/$name"
mkdir "$copy"
# One psql session for start and stop (non-exclusive backups end with the session that started them).
coproc PSQL { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
echo "SELECT pg_backup_start('$name', true);" >&"${PSQL[1]}"
read -r started <&"${PSQL[0]}" || { echo "pg_backup_start failed" >&2; exit 1; }
echo "backup started at $started"
# The copy: everything but the WAL (replayed from the archive on restore) and the running server's pid file.
(cd "$data" && tar --exclude=./pg_wal --exclude=./postmaster.pid --exclude=./postmaster.opts \
  --warning=no-file-changed --warning=no-file-removed -cf - .) | (cd "$copy" && tar -xf -)
mkdir -p "$copy/pg_wal/archive_status"
# pg_backup_stop waits until the last WAL segment the backup needs is archived; its label file goes into the copy.
echo "SELECT translate(encode(convert_to(labelfile, 'UTF8'), 'base64'), E'\\n', '') FROM pg_backup_stop(true);" \
  >&"${PSQL[1]}"
read -r label <&"${PSQL[0]}" || { echo "pg_backup_stop failed" >&2; exit 1; }
exec {PSQL[1]}>&-
wait "$PSQL_PID" 2>/dev/null || true
echo "$label" | base64 -d > "$copy/backup_label"
tar -C "$dir" -czf "$copy.tar.gz" "$name"
rm -rf "$copy"
(cd "$dir" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$copy.tar.gz"
