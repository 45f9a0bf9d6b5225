#!/usr/bin/env bash
# Summarises a JFR recording by inclusive share: for each method, the share of CPU samples
# (jdk.ExecutionSample) with that method anywhere on the stack (counted once per sample), optionally only
# methods whose name contains FILTER (e.g. org.bluemarble). Complements jfr-top.sh (leaf frames).
#   load-tests/jfr-inclusive.sh node.jfr [rows] [filter]
set -euo pipefail
FILE=${1:?usage: $0 recording.jfr [rows] [filter]}
ROWS=${2:-30}
FILTER=${3:-}
jfr print --stack-depth 96 --events jdk.ExecutionSample "$FILE" \
  | awk -v filter="$FILTER" '
      /stackTrace = \[/ { inside = 1; delete seen; samples++; next }
      inside && /^[ \t]*\]/ { inside = 0; next }
      inside {
        f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f); sub(/\(.*$/, "", f)
        if (f == "..." || (filter != "" && index(f, filter) == 0)) next
        if (!(f in seen)) { seen[f] = 1; count[f]++ }
      }
      END { for (f in count) printf "%d %s\n", count[f], f; printf "%d __TOTAL__\n", samples }' \
  | sort -rn \
  | awk -v rows="$ROWS" '
      $2 == "__TOTAL__" { total = $1; next }
      { line[++n] = $0 }
      END { printf "%d CPU samples; top %d methods by inclusive share:\n", total, rows;
            for (i = 1; i <= n && i <= rows; i++) { split(line[i], f, " ");
              printf "%6d %5.1f%%  %s\n", f[1], 100 * f[1] / total, f[2] } }'
