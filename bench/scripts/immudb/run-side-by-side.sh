#!/usr/bin/env bash
# Side-by-side benchmark of VeriDB and the real immudb v1.11.1 over immudb's gRPC protocol, in one run on one
# machine: builds immudb from bench/scripts/immudb/server/go.mod, starts both servers on fresh data directories
# (both fsync before acknowledging: immudb's default synced=true, VeriDB always), runs
# io.veridb.bench.immudb.ImmudbLoad against both, and prints the machine description and the result table.
#
# Environment: WORK (scratch dir, default a new /tmp dir), SECONDS_PER_WORKLOAD (10), WARMUP (3),
# WORKLOADS (ImmudbLoad default), VERIDB_JAVA_OPTS (-Xms1g -Xmx4g), LOADGEN_JAVA_OPTS (-Xmx2g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="${WORK:-$(mktemp -d /tmp/veridb-bench-immudb.XXXXXX)}"
mkdir -p "$work"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
PATH="$PATH:/usr/local/go/bin"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "port $1 did not open" >&2; return 1
}

echo "== building immudb v1.11.1 and the load generator (work dir $work)" >&2
(cd "$root/bench/scripts/immudb/server" && go build -o "$work/immudb" github.com/codenotary/immudb/cmd/immudb)
# Packages bench and the modules it needs inside this reactor (nothing is installed into ~/.m2); the last
# build-classpath run is bench's, so cp.txt ends up holding bench's runtime classpath.
(cd "$root" && ./mvnw -B -q -pl bench -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" >&2)
cp="$root/bench/target/classes:$(cat "$work/cp.txt")"
logback="$root/bench/scripts/immudb/logback-bench.xml"

immudb_port=$(free_port); veridb_port=$(free_port)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$work/immudb" --dir "$work/immudb-data" --address 127.0.0.1 --port "$immudb_port" --pgsql-server=false \
  --web-server=false --metrics-server=false --logdir "$work/immudb-log" > "$work/immudb.out" 2>&1 &
pids+=($!)
# shellcheck disable=SC2086
java ${VERIDB_JAVA_OPTS:--Xms1g -Xmx4g} -Dlogback.configurationFile="$logback" -cp "$cp" io.veridb.bench.immudb.VeriDbBenchServer "$work/veridb-data" \
  "$veridb_port" > "$work/veridb.out" 2>&1 &
pids+=($!)
immudb_pid=${pids[0]}; veridb_pid=${pids[1]}
wait_port "$immudb_port"; wait_port "$veridb_port"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM"
  echo "disk (work dir): $(df -h "$work" | awk 'NR==2{print $1", "$2" total, "$4" free"}'), rotational=$(lsblk -dno ROTA "$(df "$work" | awk 'NR==2{print $1}')" 2>/dev/null || echo '?')"
  echo "java: $(java -version 2>&1 | head -1); go: $(go version)"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share this machine)"
  echo "immudb: v1.11.1 (built from bench/scripts/immudb/server/go.mod), port $immudb_port; VeriDB: $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo "not a git checkout"), port $veridb_port"
} | tee "$work/machine.txt"

# shellcheck disable=SC2086
java ${LOADGEN_JAVA_OPTS:--Xmx2g} -Dlogback.configurationFile="$logback" -cp "$cp" io.veridb.bench.immudb.ImmudbLoad \
  --target "veridb=127.0.0.1:$veridb_port" --target "immudb=127.0.0.1:$immudb_port" \
  --server-pid "veridb=$veridb_pid" --server-pid "immudb=$immudb_pid" \
  --seconds "${SECONDS_PER_WORKLOAD:-10}" --warmup "${WARMUP:-3}" \
  ${WORKLOADS:+--workloads "$WORKLOADS"} --out "$work/results.md" 2> >(tee "$work/loadgen.log" >&2)
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/machine.txt"
echo "results: $work/results.md" >&2
