#!/usr/bin/env bash
# Side-by-side DCB benchmark: the real UmaDB server (the `umadb` command of the pinned PyPI wheel) and VeriDB,
# driven by the same Java gRPC load generator (DcbBenchMain) with UmaDB's workloads.
#
# Usage (from anywhere): bench/src/main/java/io/veridb/bench/dcb/dcb-bench.sh [seconds-per-row] [initial-events] [rounds]
# Both servers run side by side; every row is measured on each, back to back, alternating which goes first.
# Env: WORK (scratch dir, default /tmp/veridb-dcb-bench), FILTER (substring of row names; no report),
#      VERIDB_JAVA_OPTS (server JVM flags), SKIP_BUILD (use the installed modules as they are),
#      WARMUP_SECONDS (each selected row runs this long unrecorded on each server before the first row; default 5).
# Writes docs/benchmarks-dcb.md unless FILTER is set.
set -euo pipefail

SECONDS_PER_ROW="${1:-10}"
INITIAL="${2:-1000000}"
ROUNDS="${3:-3}"
ROOT="$(cd "$(dirname "$0")/../../../../../../../.." && pwd)"
WORK="${WORK:-/tmp/veridb-dcb-bench}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
UMADB_PORT="$(free_port)"
VERIDB_PORT="$(free_port)"
VERIDB_JAVA_OPTS="${VERIDB_JAVA_OPTS:--Xms2g -Xmx4g}"
mkdir -p "$WORK"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cat > "$WORK/logback.xml" <<'XML'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="OUT"/></root>
  <logger name="io.grpc" level="WARN"/>
  <logger name="io.netty" level="WARN"/>
</configuration>
XML

if [ -z "${SKIP_BUILD:-}" ]; then
  log "building veridb-bench"
  (cd "$ROOT" && ./mvnw -B -q -pl bench -am install -Dmaven.test.skip=true)
fi
(cd "$ROOT" && ./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
CP="$ROOT/bench/target/veridb-bench-0.1.0-SNAPSHOT.jar:$(cat "$WORK/cp.txt")"
JAVA_LOG="-Dlogback.configurationFile=$WORK/logback.xml"

VENV="$WORK/venv"
REQ="$ROOT/interop/python/dcb/requirements.txt"
if [ ! -x "$VENV/bin/umadb" ] || ! cmp -s "$REQ" "$VENV/requirements.txt"; then
  log "creating $VENV with $(cat "$REQ")"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ"
  cp "$REQ" "$VENV/requirements.txt"
fi

wait_port() {
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  log "port $1 did not open"; return 1
}

UMADB_PID=""
VERIDB_PID=""
stop_servers() {
  for pid in $UMADB_PID $VERIDB_PID; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  UMADB_PID=""; VERIDB_PID=""
}
trap stop_servers EXIT

rm -rf "$WORK/umadb-data" "$WORK/veridb-data"; mkdir -p "$WORK/umadb-data"
"$VENV/bin/umadb" --listen "127.0.0.1:$UMADB_PORT" --db-path "$WORK/umadb-data" > "$WORK/umadb-server.log" 2>&1 &
UMADB_PID=$!
# shellcheck disable=SC2086
java $VERIDB_JAVA_OPTS $JAVA_LOG -cp "$CP" io.veridb.bench.dcb.DcbBenchServer "$WORK/veridb-data" "$VERIDB_PORT" \
  > "$WORK/veridb-server.log" 2>&1 &
VERIDB_PID=$!
wait_port "$UMADB_PORT"
wait_port "$VERIDB_PORT"
RUN_DIRS=()
for round in $(seq 1 "$ROUNDS"); do
  log "round $round/$ROUNDS: ${SECONDS_PER_ROW}s per row per server, ${INITIAL} preloaded events, rows interleaved"
  mkdir -p "$WORK/round$round"; rm -f "$WORK/round$round"/*.tsv
  java -Xmx2g -Ddcb.warmupSeconds="${WARMUP_SECONDS:-5}" -Ddcb.serverPids="$VERIDB_PID,$UMADB_PID" $JAVA_LOG \
    -cp "$CP" io.veridb.bench.dcb.DcbBenchMain \
    127.0.0.1 veridb "$VERIDB_PORT" umadb \
    "$UMADB_PORT" "$SECONDS_PER_ROW" "$INITIAL" "$WORK/round$round" "${FILTER:-}" 2>&1 \
    | tee "$WORK/round$round/load.log" >&2
  RUN_DIRS+=("$WORK/round$round")
done
stop_servers

if [ -z "${FILTER:-}" ]; then
  {
    echo "# DCB benchmarks: VeriDB vs UmaDB"
    echo
    echo "- Command: \`bench/src/main/java/io/veridb/bench/dcb/dcb-bench.sh $SECONDS_PER_ROW $INITIAL $ROUNDS\`"
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) vCPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(df -h "$WORK" | awk 'NR==2{print $1}'), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared with other builds)"
    echo "- UmaDB: \`$(grep -v '^#' "$REQ")\` wheel, \`umadb --listen 127.0.0.1:PORT --db-path DIR\` (defaults: fileio reads, fsync on)"
    echo "- VeriDB: \`DcbBenchServer\` (VeriDbServer, DCB port), JVM \`$VERIDB_JAVA_OPTS\`, $(java -version 2>&1 | head -1)"
    echo "- Client: the same Java gRPC load generator (\`DcbBenchMain\`, grpc-java, 16 connections per server shared by all clients, closed loop, one request in flight per client, 8 MiB flow-control window), ${SECONDS_PER_ROW} s per row per server after an unrecorded warm-up of every row (${WARMUP_SECONDS:-5} s each) on each server; both servers run side by side and each row is measured on both back to back, alternating which goes first"
    echo "- Workload (UmaDB's benchmarks): ${INITIAL} preloaded tiny events (type \`bench-init\`, tags \`init\` + \`tag-<i mod 100000>\`); appends of tiny events (type \`bench-append\`, tag \`append\`, data \`data-<i>\`); the conditional variant fails if an \`init\` event exists after the last preloaded position (never fails, one index seek); reads of all events use batch_size 4096; a one-tag read returns 10 events (batch_size 10)"
  } > "$WORK/header.md"
  java -cp "$CP" io.veridb.bench.dcb.DcbBenchReport "$ROOT/docs/benchmarks-dcb.md" "$WORK/header.md" "${RUN_DIRS[@]}"
  log "wrote $ROOT/docs/benchmarks-dcb.md"
fi
