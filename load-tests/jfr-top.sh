#!/usr/bin/env bash
# Summarises a JFR recording: the methods most often on top of the stack in CPU samples
# (jdk.ExecutionSample), as counts and shares. Record a node during a load run with
#   java -XX:StartFlightRecording=duration=120s,filename=node.jfr,settings=profile -jar pekko-node/target/bluemarble-node.jar
# then: load-tests/jfr-top.sh node.jfr [rows]
set -euo pipefail
FILE=${1:?usage: $0 recording.jfr [rows]}
ROWS=${2:-25}
jfr print --events jdk.ExecutionSample "$FILE" \
  | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print }' \
  | sort | uniq -c | sort -rn \
  | awk -v rows="$ROWS" '{ total += $1; line[NR] = $0; n = NR }
      END { printf "%d CPU samples; top %d leaf frames:\n", total, rows;
            for (i = 1; i <= n && i <= rows; i++) { split(line[i], f, " "); c = f[1]; sub(/^ *[0-9]+ /, "", line[i]);
              printf "%6d %5.1f%%  %s\n", c, 100 * c / total, line[i] } }'
