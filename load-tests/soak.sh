#!/usr/bin/env bash
# Soak (issue 20): BOTS bots (200) against one embedded node for SECONDS_ (3600 s); every SAMPLE s (60) prints the
# heap after the last GC (from the node's GC log) and the node's resident set size, then the drift of both between
# the first quarter after warm-up and the last quarter (flat means within 10 %). Not run by CI.
#
#   load-tests/soak.sh                          # 200 bots, one hour, udp, dense
#   BOTS=100 SECONDS_=600 SAMPLE=30 TRANSPORT=ws load-tests/soak.sh
#
# Ports (the ops helper's block by default): HTTP 38080, UDP 38077, management 38058, remoting 38020, metrics 38095.
set -euo pipefail
cd "$(dirname "$0")/.."

BOTS=${BOTS:-200}
SECS=${SECONDS_:-3600}
SAMPLE=${SAMPLE:-60}
TRANSPORT=${TRANSPORT:-udp}
HTTP_PORT=${HTTP_PORT:-38080}
UDP_PORT=${UDP_PORT:-38077}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-38058}
ADMIN=${ADMIN:-loadadmin:load-admin-password-1}
DATA=$(mktemp -d "${DATA_PREFIX:-/tmp/ops-soak}.XXXXXX")
NODE_JAR=${NODE_JAR:-pekko-node/target/bluemarble-node.jar}
LOAD_JAR=${LOAD_JAR:-load-tests/target/bluemarble-load.jar}
if [[ ! -f "$NODE_JAR" || ! -f "$LOAD_JAR" ]]; then
  ./mvnw -B -q -pl pekko-node,load-tests -am package -DskipTests
fi

BLUEMARBLE_DATA_DIR="$DATA" BLUEMARBLE_AOI_RADIUS=250 BLUEMARBLE_BOOTSTRAP_ADMIN="$ADMIN" \
BLUEMARBLE_HTTP_PORT="$HTTP_PORT" BLUEMARBLE_UDP_PORT="$UDP_PORT" BLUEMARBLE_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
BLUEMARBLE_REMOTE_PORT=${REMOTE_PORT:-38020} BLUEMARBLE_METRICS_PORT=${METRICS_PORT:-38095} \
  java -Xlog:gc:file="$DATA/gc.log" -jar "$NODE_JAR" > "$DATA/node.log" 2>&1 &
NODE=$!
LOAD=""
trap 'kill $LOAD "$NODE" 2>/dev/null || true; wait "$NODE" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/ready" > /dev/null; then break; fi
  if ! kill -0 "$NODE" 2>/dev/null; then echo "node exited:"; tail -20 "$DATA/node.log"; exit 1; fi
  sleep 1
done
echo "node $NODE up (load average: $(cut -d' ' -f1-3 /proc/loadavg)); data $DATA"

java -jar "$LOAD_JAR" --target 127.0.0.1 --http-port "$HTTP_PORT" --udp-port "$UDP_PORT" --node-pid "$NODE" \
  --admin "$ADMIN" --bots "$BOTS" --seconds "$SECS" --transport "$TRANSPORT" --scenario dense \
  --out "$DATA/report" > "$DATA/load.log" 2>&1 &
LOAD=$!

# Heap after the newest GC in the log: the value after "->" of the last "Pause" line, in MiB.
heap_after_gc() {
  grep -E 'Pause (Young|Full|Remark|Cleanup)' "$DATA/gc.log" 2>/dev/null | tail -1 \
    | sed -E 's/.* [0-9]+[KMG]->([0-9]+)([KMG])\([0-9]+[KMG]\).*/\1 \2/' \
    | awk '{ v = $1; if ($2 == "K") v /= 1024; if ($2 == "G") v *= 1024; printf "%.0f", v }'
}
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$NODE/status"; }

printf "%8s %16s %10s %s\n" "t(s)" "heap-after-gc" "rss(MiB)" "load average"
START=$(date +%s)
while kill -0 "$LOAD" 2>/dev/null; do
  sleep "$SAMPLE"
  kill -0 "$NODE" 2>/dev/null || { echo "node died"; tail -20 "$DATA/node.log"; exit 1; }
  T=$(($(date +%s) - START))
  H=$(heap_after_gc)
  R=$(rss_mib)
  printf "%8d %12s MiB %10s %s\n" "$T" "${H:-?}" "$R" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$DATA/samples.txt"
done
wait "$LOAD" || echo "load run exited with $? (see $DATA/load.log)"
# Drift: the last quarter's mean against the second quarter's (the first is warm-up).
awk '{ t[NR] = $1; h[NR] = $2; r[NR] = $4 } END {
  n = NR; if (n < 8) { print "too few samples for a drift"; exit }
  q = int(n / 4); for (i = q + 1; i <= 2 * q; i++) { h1 += h[i]; r1 += r[i] } for (i = n - q + 1; i <= n; i++) { h2 += h[i]; r2 += r[i] }
  printf "heap-after-gc drift %+.1f %%, RSS drift %+.1f %% (flat: within 10 %%)\n", 100 * (h2 - h1) / h1, 100 * (r2 - r1) / r1 }' \
  "$DATA/samples.txt"
echo "node log, GC log, load report: $DATA"
