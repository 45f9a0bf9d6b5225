#!/usr/bin/env bash
# One command for a reproducible number: starts an embedded node on spare ports (fresh data dir, AOI radius
# 250 m, a bootstrap admin; JFR=1 records the node during the load), waits for it, runs bluemarble-load against it with the given
# arguments, stops the node and prints where the CPU went.
#
#   load-tests/node-load.sh --bots 200 --seconds 30 --transport udp --scenario dense --seed 7 --out load-report
#   JFR=1 load-tests/node-load.sh --capacity --bots 1000 --capacity-start 100 --capacity-step 100
#
# Ports (override with the variables): HTTP 18080, UDP 17777, management 18558, remoting 25620, metrics 19095.
# NODE_JAR / LOAD_JAR run other builds (e.g. a saved "before" build for a before/after comparison).
# NODE_JAVA_OPTS are given to the node's java (e.g. "-Xmx1g -XX:+UseParallelGC"); LOAD_JAVA_OPTS to the driver's.
# For a warm node add --warmup-seconds 90 (the bots play 90 s after the ramp before the steady state).
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP_PORT=${HTTP_PORT:-18080}
UDP_PORT=${UDP_PORT:-17777}
ADMIN=${ADMIN:-loadadmin:load-admin-password-1}
DATA=$(mktemp -d "${DATA_PREFIX:-/tmp/bluemarble-load-node}.XXXXXX")

NODE_JAR=${NODE_JAR:-pekko-node/target/bluemarble-node.jar}
LOAD_JAR=${LOAD_JAR:-load-tests/target/bluemarble-load.jar}
if [[ ! -f "$NODE_JAR" || ! -f "$LOAD_JAR" ]]; then
  ./mvnw -B -q -pl pekko-node,load-tests -am package -DskipTests
fi

BLUEMARBLE_DATA_DIR="$DATA" BLUEMARBLE_AOI_RADIUS=250 BLUEMARBLE_BOOTSTRAP_ADMIN="$ADMIN" \
BLUEMARBLE_HTTP_PORT="$HTTP_PORT" BLUEMARBLE_UDP_PORT="$UDP_PORT" \
BLUEMARBLE_MANAGEMENT_PORT=${MANAGEMENT_PORT:-18558} BLUEMARBLE_REMOTE_PORT=${REMOTE_PORT:-25620} \
BLUEMARBLE_METRICS_PORT=${METRICS_PORT:-19095} \
  java ${NODE_JAVA_OPTS:-} -jar "$NODE_JAR" > "$DATA/node.log" 2>&1 &
NODE=$!
trap 'kill "$NODE" 2>/dev/null || true; wait "$NODE" 2>/dev/null || true' EXIT
echo "node pid $NODE, log $DATA/node.log${NODE_JAVA_OPTS:+, java options: $NODE_JAVA_OPTS}"

MANAGEMENT=${MANAGEMENT_PORT:-18558}
# /ready (Pekko Management) answers 200 once the node has joined its cluster and ensured the bootstrap admin.
for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$MANAGEMENT/ready" > /dev/null; then break; fi
  if ! kill -0 "$NODE" 2>/dev/null; then echo "node exited:"; tail -20 "$DATA/node.log"; exit 1; fi
  sleep 1
done
echo "node up (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
if [[ "${JFR:-0}" == 1 ]]; then
  # Record the load only, not the node's start (planet generation, agent weaving).
  jcmd "$NODE" JFR.start name=load settings=profile > /dev/null
fi

java ${LOAD_JAVA_OPTS:-} -jar "$LOAD_JAR" --target 127.0.0.1 --http-port "$HTTP_PORT" --udp-port "$UDP_PORT" \
  --node-pid "$NODE" \
  --admin "$ADMIN" "$@" || echo "load run exited with $?"

if [[ "${JFR:-0}" == 1 ]]; then
  jcmd "$NODE" JFR.dump name=load filename="$DATA/node.jfr" > /dev/null
fi
kill "$NODE"; wait "$NODE" 2>/dev/null || true
trap - EXIT
if [[ "${JFR:-0}" == 1 && -f "$DATA/node.jfr" ]]; then
  load-tests/jfr-top.sh "$DATA/node.jfr" 25
fi
echo "node log and data: $DATA"
