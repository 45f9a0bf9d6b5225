#!/usr/bin/env bash
# The cost of the cluster in numbers (issue 20): the same dense load on ONE node and on THREE node processes of one
# cluster on this machine, the bots spread evenly over the three nodes' edges. Prints, for each run, the node CPU per
# player (CPU seconds of all node processes per second of load, per bot, in % of one core) and the cross-node
# messages per player-second from each node's /metrics: what cells push to sessions on another node
# (bluemarble_zone_session_messages_total{link="cross-node"}: acks, corrections, snapshots; the inputs going the other
# way have about the acks' rate) and what cells send to neighbour cells on another node
# (bluemarble_zone_neighbour_messages_total{link="cross-node"}: ghosts, handoffs). A dense crowd stands in one or a
# few cells, so the neighbour count alone is near 0: the crowd's traffic crosses nodes between cell and session.
# The architecture's budget: three nodes may cost at most 1.25x the CPU per player of one node. Not run by CI.
#
#   load-tests/scale-1v3.sh                      # 150 bots, 60 s, udp, dense, after a 120 s warm-up
#   BOTS=300 SECONDS_=120 TRANSPORT=ws load-tests/scale-1v3.sh
#   JFR=1 WARMUP=180 load-tests/scale-1v3.sh     # and a JFR recording of the measured window per node
#
# Warm: the CPU is counted only in the steady state of a warmed-up node (a cold JVM's JIT alone costs more than the
# load at this size). The bots join over RAMP seconds (default 10); once all of them are in the world (the nodes'
# bluemarble_players_online sums to BOTS), they play WARMUP seconds (default 120) that are not counted, then SECONDS_
# that are. With a driver that has --warmup-seconds the warm-up is the driver's; with an older one the ramp is
# stretched to RAMP + WARMUP seconds instead (the JIT warms up as the crowd grows) and counting starts when all are in.
# JFR=1 records each node during the counted window (settings=profile) and prints its top frames (jfr-top.sh).
# NODE_JAVA_OPTS go to every node's JVM (e.g. -Dbluemarble.persistence.connection-timeout=30s on a loaded machine,
# where a node's first database connections can take longer than the default 5 s and it stops at start).
#
# Both runs use the same journal kind: a throwaway PostgreSQL (initdb + pg_ctl from PG_BIN, default the first of
# /usr/lib/postgresql/*/bin or /tmp/embedded-pg/*/bin that has createdb) on PG_PORT in a fresh directory.
# PostgreSQL refuses to run as root: run the script as an ordinary user (e.g. `su postgres -c load-tests/scale-1v3.sh`).
# Ports: node i (1-3) HTTP $((BASE+79+i)), UDP $((BASE+76+i)), management $((BASE+57+i)), remoting $((BASE+19+i)),
# metrics $((BASE+94+i)) with BASE=39000 by default (the ops helper's block); PG_PORT 39100.
set -euo pipefail
cd "$(dirname "$0")/.."

BOTS=${BOTS:-150}
SECS=${SECONDS_:-60}
TRANSPORT=${TRANSPORT:-udp}
RAMP=${RAMP:-10}
WARMUP=${WARMUP:-120}
BASE=${BASE:-39000}
PG_PORT=${PG_PORT:-39100}
ADMIN=${ADMIN:-loadadmin:load-admin-password-1}
WORK=$(mktemp -d "${DATA_PREFIX:-/tmp/ops-scale}.XXXXXX")
NODE_JAR=${NODE_JAR:-pekko-node/target/bluemarble-node.jar}
LOAD_JAR=${LOAD_JAR:-load-tests/target/bluemarble-load.jar}
if [[ ! -f "$NODE_JAR" || ! -f "$LOAD_JAR" ]]; then
  ./mvnw -B -q -pl pekko-node,load-tests -am package -DskipTests
fi
if [[ -z "${PG_BIN:-}" ]]; then
  for d in /usr/lib/postgresql/*/bin /tmp/embedded-pg/*/bin; do
    if [[ -x "$d/createdb" ]]; then PG_BIN=$d; break; fi
  done
fi
[[ -x "${PG_BIN:-}/pg_ctl" && -x "$PG_BIN/createdb" ]] || { echo "no PostgreSQL binaries with createdb (set PG_BIN)"; exit 1; }
if java -jar "$LOAD_JAR" --help 2>&1 | grep -q -- --warmup-seconds; then
  PACING=(--ramp-seconds "$RAMP" --warmup-seconds "$WARMUP")
  HOLD=$WARMUP # after all bots are in: the driver's warm-up, not counted
else
  PACING=(--ramp-seconds $((RAMP + WARMUP)))
  HOLD=0
fi
# The counted window ends before the driver's steady state does (the bots' ramp-down follows it): the players-online
# gauge that starts it is up to one metrics tick (10 s) old.
MEASURE=$((SECS > 24 ? SECS - 12 : SECS / 2))

PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && wait "$p" 2>/dev/null || true; done
  "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop > /dev/null 2>&1 || true
}
trap cleanup EXIT
trap "exit 130" INT TERM

# A PostgreSQL of our own, one database per run.
"$PG_BIN/initdb" -D "$WORK/pg" -U bluemarble --auth=trust > "$WORK/initdb.log"
"$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" \
  -l "$WORK/pg.log" start > /dev/null
for _ in $(seq 1 30); do "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" > /dev/null 2>&1 && break; sleep 1; done

cpu_ticks() { # utime + stime of a process, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}
players_online() { # node i: players in the world on node i (0, with a warning, when its /metrics does not answer)
  local v
  v=$(curl -sf --max-time 10 "http://127.0.0.1:$((BASE + 94 + $1))/metrics" \
    | awk 'index($0, "bluemarble_players_online") == 1 && $1 !~ /^#/ {s += $NF} END {printf "%d\n", s + 0}') \
    || { echo "   node $1: /metrics did not answer" >&2; v=0; }
  echo "$v"
}
cross_node() { # node i, metric: its cross-node count on node i's metrics endpoint (0, with a warning, if it does not answer)
  local v
  v=$(curl -sf --max-time 10 "http://127.0.0.1:$((BASE + 94 + $1))/metrics" \
    | awk -v m="$2" 'index($0, m "{") == 1 && /cross-node/ {s += $NF} END {printf "%d\n", s + 0}') \
    || { echo "   node $1: /metrics did not answer: $2 counted as 0 (the result understates it)" >&2; v=0; }
  echo "$v"
}

# run NODES: starts NODES nodes of one cluster, runs BOTS bots spread over them, prints the numbers.
run() {
  local nodes=$1 db="scale_${1}n" seeds="" i
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U bluemarble "$db"
  for i in $(seq 1 "$nodes"); do seeds+="${seeds:+,}127.0.0.1:$((BASE + 19 + i))"; done
  local node_pids=()
  for i in $(seq 1 "$nodes"); do
    mkdir -p "$WORK/$db/node$i"
    BLUEMARBLE_PROFILE=local$i BLUEMARBLE_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
    BLUEMARBLE_PG_USER=bluemarble BLUEMARBLE_PG_PASSWORD=unused \
    BLUEMARBLE_SEED_NODES="127.0.0.1:$((BASE + 20))" BLUEMARBLE_DATA_DIR="$WORK/$db/node$i" \
    BLUEMARBLE_AOI_RADIUS=250 BLUEMARBLE_BOOTSTRAP_ADMIN="$ADMIN" \
    BLUEMARBLE_HTTP_PORT=$((BASE + 79 + i)) BLUEMARBLE_UDP_PORT=$((BASE + 76 + i)) \
    BLUEMARBLE_MANAGEMENT_PORT=$((BASE + 57 + i)) BLUEMARBLE_REMOTE_PORT=$((BASE + 19 + i)) \
    BLUEMARBLE_METRICS_PORT=$((BASE + 94 + i)) \
      java ${NODE_JAVA_OPTS:-} -jar "$NODE_JAR" > "$WORK/$db/node$i.log" 2>&1 &
    node_pids+=($!)
    PIDS+=($!)
    # The first node forms the cluster before the others join it.
    if [[ $i == 1 ]]; then wait_ready 1 "${node_pids[0]}"; fi
  done
  for i in $(seq 2 "$nodes"); do wait_ready "$i" "${node_pids[$((i - 1))]}"; done
  echo "== $nodes node(s) up (load average: $(cut -d' ' -f1-3 /proc/loadavg))"

  local before=() cross_before=0 cells_before=0 start end
  local load_pids=() per=$((BOTS / nodes))
  for i in $(seq 1 "$nodes"); do
    # Right after a cluster formed, the bots' bulk account creation can time out (503) while the shards settle:
    # such a run is started again (up to 3 times).
    (for attempt in 1 2 3; do
      java -jar "$LOAD_JAR" --target 127.0.0.1 --http-port $((BASE + 79 + i)) --udp-port $((BASE + 76 + i)) \
        --admin "$ADMIN" --bots "$per" "${PACING[@]}" --seconds "$SECS" --transport "$TRANSPORT" --scenario dense \
        --seed "$i" --out "$WORK/$db/report$i" > "$WORK/$db/load$i.log" 2>&1 && exit 0
      grep -q "bulk account route answered 503" "$WORK/$db/load$i.log" || exit 1
      echo "node $i: bots' accounts refused at start (try $attempt), again in 5 s"
      sleep 5
    done; exit 1) &
    load_pids+=($!)
  done
  # Counting starts once every bot is in the world and the warm-up is over.
  local online=0 waited=0 bots=$((per * nodes))
  while ((online < bots)); do
    online=0
    for i in $(seq 1 "$nodes"); do online=$((online + $(players_online "$i"))); done
    local running=0
    for p in "${load_pids[@]}"; do kill -0 "$p" 2>/dev/null && running=1; done
    if ((running == 0 || waited > 600 + RAMP + WARMUP)); then
      echo "only $online of $bots bots in the world after $waited s"
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "   $online bots in the world after $waited s; warm-up $HOLD s, then $MEASURE s counted"
  sleep "$HOLD"
  if [[ "${JFR:-0}" == 1 ]]; then
    for i in $(seq 1 "$nodes"); do
      # A recording that fails (jcmd's attach can time out on a saturated machine) costs the profile, not the run.
      jcmd "${node_pids[$((i - 1))]}" JFR.start name=scale settings=profile > /dev/null 2>&1 \
        || echo "   node $i: JFR.start failed (no recording)"
    done
  fi
  # Counters first, then the CPU times right before the window (and right after it, in the same order).
  for i in $(seq 1 "$nodes"); do
    cross_before=$((cross_before + $(cross_node "$i" bluemarble_zone_session_messages_total)))
    cells_before=$((cells_before + $(cross_node "$i" bluemarble_zone_neighbour_messages_total)))
  done
  start=$(date +%s.%N)
  for i in $(seq 1 "$nodes"); do before+=("$(cpu_ticks "${node_pids[$((i - 1))]}")"); done
  sleep "$MEASURE"
  local ticks=0 cross=0 cells=0
  for i in $(seq 1 "$nodes"); do ticks=$((ticks + $(cpu_ticks "${node_pids[$((i - 1))]}") - before[i - 1])); done
  end=$(date +%s.%N)
  for i in $(seq 1 "$nodes"); do
    cross=$((cross + $(cross_node "$i" bluemarble_zone_session_messages_total)))
    cells=$((cells + $(cross_node "$i" bluemarble_zone_neighbour_messages_total)))
    if [[ "${JFR:-0}" == 1 ]]; then
      jcmd "${node_pids[$((i - 1))]}" JFR.dump name=scale filename="$WORK/$db/node$i.jfr" > /dev/null 2>&1 \
        || echo "   node $i: JFR.dump failed (no recording)"
    fi
  done
  cross=$((cross - cross_before))
  cells=$((cells - cells_before))
  local failed=0
  for p in "${load_pids[@]}"; do wait "$p" || { failed=1; echo "a load run failed (see $WORK/$db/load*.log)"; }; done
  if [[ $failed == 1 || $online -lt $bots ]]; then
    echo "NO RESULT for $nodes node(s): a load run failed or not every bot entered" | tee -a "$WORK/results.txt"
    for p in "${node_pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${node_pids[@]}"; do wait "$p" 2>/dev/null || true; done
    return 0
  fi
  local hz
  hz=$(getconf CLK_TCK)
  awk -v t="$ticks" -v hz="$hz" -v s="$start" -v e="$end" -v b="$bots" -v c="$cross" -v g="$cells" -v n="$nodes" 'BEGIN {
    wall = e - s; cpu = t / hz;
    printf "RESULT nodes=%d bots=%d wall=%.1fs node_cpu=%.1fs cpu_per_player=%.3f%%core cross_node_msgs_per_player_s=%.2f (cell-to-session %.2f, cell-to-cell %.2f)\n",
      n, b, wall, cpu, 100 * cpu / wall / b, (c + g) / wall / b, c / wall / b, g / wall / b }' | tee -a "$WORK/results.txt"
  for p in "${node_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${node_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ "${JFR:-0}" == 1 ]]; then
    for i in $(seq 1 "$nodes"); do
      if [[ -s "$WORK/$db/node$i.jfr" ]]; then
        echo "-- node $i of $nodes: $WORK/$db/node$i.jfr"
        load-tests/jfr-top.sh "$WORK/$db/node$i.jfr" 15 || true
      fi
    done
  fi
}

wait_ready() { # node index, pid
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$((BASE + 57 + $1))/ready" > /dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "node $1 exited:"; tail -n 20 "$WORK"/*/node"$1".log; exit 1; fi
    sleep 1
  done
  echo "node $1 not ready after 240 s"; exit 1
}

# RUNS="3" repeats only the three-node run (compare with an earlier one-node RESULT).
for n in ${RUNS:-1 3}; do run "$n"; done
awk '/^RESULT/ { split($6, a, "="); v[++k] = a[2] + 0 }
     END { if (k == 2 && v[1] > 0) printf "three nodes cost %.2fx the CPU per player of one (budget 1.25x)\n", v[2] / v[1] }' \
  "$WORK/results.txt"
echo "logs and reports: $WORK (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
