#!/usr/bin/env bash
# Runs the JMH benchmarks of every module that has them and prints one table.
#
#   load-tests/bench.sh            # quick subset: short warm-up/measurement, small parameters (~3-4 min)
#   load-tests/bench.sh full       # every benchmark with its own annotations (much longer)
#   load-tests/bench.sh quick 'Aoi|Snapshot'   # only benchmarks matching a regex
#
# JSON results and the table land in ${BENCH_OUT:-target/jmh-<time>}. Numbers on a shared 2-core
# machine are upper bounds: note the load average (printed) next to any number you quote.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-quick}
FILTER=${2:-}
OUT=${BENCH_OUT:-target/jmh-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

case "$MODE" in
  quick)
    JMH_OPTS=(-f 1 -wi 1 -w 1s -i 2 -r 1s -p players=100,500 -p size=200)
    declare -A REGEX=(
      [protocol]='SnapshotBenchmark|PacketCryptoBenchmark'
      [pekko-node]='zone.bench.AoiBenchmark|zone.bench.TickBenchmark|zone.bench.HandoffBenchmark|OrderMatchingBenchmark'
    ) ;;
  full)
    JMH_OPTS=()
    declare -A REGEX=([protocol]='.*' [pekko-node]='.*') ;;
  *) echo "usage: $0 [quick|full] [regex]" >&2; exit 2 ;;
esac

echo "building test classes (protocol, pekko-node) and the load-tests jar ..."
./mvnw -B -q -pl protocol,pekko-node,load-tests -am package -DskipTests >/dev/null

for module in protocol pekko-node; do
  ./mvnw -B -q -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/cp-$module.txt" >/dev/null
  regex=${REGEX[$module]}
  if [[ -n "$FILTER" ]]; then regex="$FILTER"; fi
  echo "== $module: $regex (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  java -cp "$module/target/test-classes:$module/target/classes:$(cat "$OUT/cp-$module.txt")" \
    org.openjdk.jmh.Main "$regex" "${JMH_OPTS[@]}" -rf json -rff "$OUT/$module.json" \
    > "$OUT/$module.log" 2>&1 || { echo "JMH failed for $module, see $OUT/$module.log" >&2; }
done

files=()
for module in protocol pekko-node; do
  if [[ -s "$OUT/$module.json" ]]; then files+=("$OUT/$module.json"); fi
done
java -cp load-tests/target/bluemarble-load.jar org.bluemarble.load.bench.JmhTable "${files[@]}" | tee "$OUT/table.txt"
echo "results: $OUT (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
