#!/usr/bin/env bash
# Point-in-time restore of the journal's PostgreSQL (the procedure PostgresBackupRestoreTest runs): a base backup from
# scripts/pg-base-backup.sh unpacked into an EMPTY data directory, recovery.signal, restore_command reading the WAL
# archive and recovery_target_time; on start PostgreSQL replays the archived WAL up to that time and promotes itself.
#   scripts/pg-pitr-restore.sh <base-....tar.gz> <empty data directory> <WAL archive directory> '<target time>'
#   e.g. scripts/pg-pitr-restore.sh /backups/base-20261207T010000Z.tar.gz /var/lib/postgresql/17/restored /archive \
#        '2026-12-07 03:55:00+00'
# Then start PostgreSQL on the directory (pg_ctl -D ... start), wait until `SELECT pg_is_in_recovery()` is false, and
# start the nodes on it. Target "immediate" restores to the end of the base backup instead of a time.
# See docs/operations.md, "Backup and restore".
set -euo pipefail
if [ $# -ne 4 ]; then
  echo "usage: $0 <base backup .tar.gz> <empty data directory> <WAL archive directory> <target time|immediate>" >&2
  exit 2
fi
tarball=$1
data=$2
archive=$3
target=$4
if [ -e "$data" ] && [ -n "$(ls -A "$data")" ]; then
  echo "$data is not empty: restore into an empty directory" >&2
  exit 1
fi
(cd "$(dirname "$tarball")" && sha256sum -c "$(basename "$tarball").sha256")
mkdir -p "$data"
chmod 700 "$data"
tar -xzf "$tarball" -C "$data" --strip-components=1
touch "$data/recovery.signal"
{
  echo "restore_command = 'cp $archive/%f %p'"
  if [ "$target" = immediate ]; then
    echo "recovery_target = 'immediate'"
  else
    echo "recovery_target_time = '$target'"
  fi
  echo "recovery_target_action = 'promote'"
  # The restored server must not archive into the live archive until someone decides it is the new primary.
  echo "archive_mode = off"
} >> "$data/postgresql.auto.conf"
echo "restored into $data; start PostgreSQL on it and wait for pg_is_in_recovery() = false"
