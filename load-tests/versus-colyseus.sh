#!/usr/bin/env bash
# The side-by-side comparison of issue 14: the Colyseus peer harness and this node, at the same N, one after the
# other on this machine, in one table with the ratios (node / peer).
#
#   load-tests/versus-colyseus.sh --peer ../shared/peers/colyseus 200 500 1000
#   load-tests/versus-colyseus.sh --peer DIR --transport ws --seconds 30 --observer-pct 10 200 500
#   load-tests/versus-colyseus.sh --peer DIR --warm 200      (the node's bots play 90 s before its steady state)
#
# The peer harness is copied to a temporary folder and installed there with `npm ci` (needs node and npm); its server
# listens on PEER_PORT (default 2567). The node runs through node-load.sh (scenario dense; its port variables apply).
# The peer speaks WebSocket only; --transport picks ours (udp or ws, default udp). Both sides time observations on the
# same share of bots (--observer-pct, default 10, as the peer's default). --warm gives the node run a warm-up of 90 s
# (--warm-seconds S: of S seconds) after its ramp, not counted, so its JIT has compiled before the steady state; the
# peer keeps its own 3 s warm-up (V8 compiles early). Not run by CI: it takes a minute or more per N (about 2.5 more with --warm).
set -euo pipefail
cd "$(dirname "$0")/.."

PEER=""
TRANSPORT=udp
SECONDS_STEADY=30
OBSERVER_PCT=10
WARMUP=0
NS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --peer) PEER="$2"; shift 2 ;;
    --transport) TRANSPORT="$2"; shift 2 ;;
    --seconds) SECONDS_STEADY="$2"; shift 2 ;;
    --observer-pct) OBSERVER_PCT="$2"; shift 2 ;;
    --warm) WARMUP=90; shift ;;
    --warm-seconds) WARMUP="$2"; shift 2 ;;
    -h|--help) sed -n 2,14p "$0"; exit 0 ;;
    *) [[ "$1" =~ ^[0-9]+$ ]] || { echo "not a bot count: $1" >&2; exit 2; }; NS+=("$1"); shift ;;
  esac
done
[[ -n "$PEER" && -f "$PEER/run.sh" ]] || { echo "usage: $0 --peer DIR [--transport udp|ws] [--warm | --warm-seconds S] N..." >&2; exit 2; }
[[ ${#NS[@]} -gt 0 ]] || { echo "give at least one N" >&2; exit 2; }
[[ "$TRANSPORT" == udp || "$TRANSPORT" == ws ]] || { echo "--transport must be udp or ws" >&2; exit 2; }

WORK=$(mktemp -d /tmp/versus-colyseus.XXXXXX)
echo "peer copy and reports: $WORK" >&2
cp -r "$PEER" "$WORK/peer"
rm -rf "$WORK/peer/node_modules"
(cd "$WORK/peer" && npm ci --no-audit --no-fund > "$WORK/npm-ci.log" 2>&1) || { cat "$WORK/npm-ci.log" >&2; exit 1; }

ROWS="$WORK/rows.tsv"
for n in "${NS[@]}"; do
  echo "== N=$n: peer (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  (cd "$WORK/peer" && PORT="${PEER_PORT:-2567}" OBSERVER_PCT="$OBSERVER_PCT" ./run.sh fixed "$n" "$SECONDS_STEADY") \
    > "$WORK/peer-$n.json" 2> "$WORK/peer-$n.log" || true
  peer=$(tail -1 "$WORK/peer-$n.json")
  echo "== N=$n: node over $TRANSPORT (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  load-tests/node-load.sh --bots "$n" --seconds "$SECONDS_STEADY" --transport "$TRANSPORT" --scenario dense \
    --observer-pct "$OBSERVER_PCT" --warmup-seconds "$WARMUP" --out "$WORK/node-$n" > "$WORK/node-$n.log" 2>&1 || true
  node_json="$WORK/node-$n/summary.json"
  [[ -f "$node_json" ]] || node_json=/dev/null
  node -e '
    const fs = require("fs");
    const [n, peerLine, nodeFile, load] = process.argv.slice(1);
    let p = {}; try { p = JSON.parse(peerLine); } catch (e) {}
    let s = {}; try { s = JSON.parse(fs.readFileSync(nodeFile, "utf8")); } catch (e) {}
    const o = s.inputToObserver || {}, c = s.steadyCpu || {};
    const peerCores = p.serverCpuPct / 100, peerMs = (peerCores * 1000) / (p.connected || NaN);
    const nodeMs = c.nodeCores >= 0 && c.meanPlayers > 0 ? (c.nodeCores * 1000) / c.meanPlayers : NaN;
    console.log([n, p.p50, p.p99, peerCores, peerMs, (p.botCpuPct || NaN) / 100,
      o.p50Ms, o.p99Ms, c.nodeCores, nodeMs, c.driverCores, s.peakInWorld, load].join("\t"));
  ' "$n" "$peer" "$node_json" "$(cut -d' ' -f1 /proc/loadavg)" >> "$ROWS"
done

echo
echo "versus-colyseus $(date -u +%Y-%m-%dT%H:%MZ), dense, our transport $TRANSPORT, ${SECONDS_STEADY} s steady state," \
  "node warm-up ${WARMUP} s (peer: its own)," \
  "observers ${OBSERVER_PCT} %, $(nproc) cores shared by both processes and their bots"
node -e '
  const fs = require("fs");
  const f = (v, d = 1) => (v === "" || v === undefined || isNaN(+v) ? "-" : (+v).toFixed(d));
  const r = (a, b) => (isNaN(+a) || isNaN(+b) || +b === 0 ? "-" : (a / b).toFixed(2) + "x");
  console.log("| N | peer p50/p99 ms | node p50/p99 ms | p99 ratio | peer CPU cores (ms/player-s) |" +
    " node CPU cores (ms/player-s) | CPU ratio | driver cores peer/node | node in world | load avg |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const line of fs.readFileSync(process.argv[1], "utf8").trim().split("\n")) {
    const [n, pp50, pp99, pc, pms, pd, np50, np99, nc, nms, nd, inw, load] = line.split("\t");
    console.log(`| ${n} | ${f(pp50)} / ${f(pp99)} | ${f(np50)} / ${f(np99)} | ${r(np99, pp99)} | ` +
      `${f(pc, 2)} (${f(pms, 2)}) | ${f(nc, 2)} (${f(nms, 2)}) | ${r(nms, pms)} | ${f(pd, 2)} / ${f(nd, 2)} | ` +
      `${inw || "-"} | ${load} |`);
  }
' "$ROWS"
