#!/usr/bin/env bash
# Measures Drover against the targets in docs/benchmarks.md, on this machine. Needs wrk
# (apt-get install wrk). Takes about ten minutes. Prints one line per figure.
#
#   bench/run.sh [--quick]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
SECONDS_PER_RUN=20
PLACEMENT_ROUNDS=5
[ "${1:-}" = "--quick" ] && SECONDS_PER_RUN=8 && PLACEMENT_ROUNDS=3

echo "== build"
mvn -B -q -DskipTests package
BENCH=(java -jar bench/target/drover-bench.jar)
WRK_REGISTER="$ROOT/bench/wrk/register.lua"
DEV_HTTP=18646
BASE=18700

wrk_rate() { # url seconds connections [script [script args...]]
  local url=$1 secs=$2 conns=$3 script=${4:-}; shift 3; shift $(( $# > 0 ? 1 : 0 ))
  local opts=(-t1 -c"$conns" -d"${secs}s" --latency)
  [ -n "$script" ] && opts+=(-s "$script")
  wrk "${opts[@]}" "$url" ${1+--} "$@" | awk '
    /Requests\/sec/ {r=$2} /Non-2xx/ {bad=$NF} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    END {printf "%s/s (p50 %s, p99 %s%s)\n", r, p50, p99, bad ? ", non-2xx " bad : ""}'
}

stop_dev() { [ -n "${DEV_PID:-}" ] && kill "$DEV_PID" 2>/dev/null && wait "$DEV_PID" 2>/dev/null || true; }
trap 'stop_dev; deploy/local-cluster.sh stop --base-port $BASE >/dev/null 2>&1 || true' EXIT

echo "== dev agent start-up (bin/drover agent -dev until the leader answers)"
"${BENCH[@]}" startup --runs 5 | tail -1

echo "== placements: one service job of count 1,000 per round (dev agent from the jar, 1,000 nodesim nodes)"
"${BENCH[@]}" placements --jar server/target/drover-server.jar --rounds $PLACEMENT_ROUNDS | tail -1
echo "== node agent: register to a raw_exec task running on the dev agent's own node (bin/drover agent -dev)"
"${BENCH[@]}" task-start --rounds 10 | tail -1
echo "== node agent: client status updates absorbed (dev agent from the jar, 500 nodesim nodes, batch job of count 2,000)"
"${BENCH[@]}" alloc-updates --jar server/target/drover-server.jar --rounds 3 | tail -1
echo "== the service scheduler alone, in memory (count 1,000)"
"${BENCH[@]}" scheduler-placements --rounds $PLACEMENT_ROUNDS | tail -1
"${BENCH[@]}" scheduler-placements --nodes 5000 --rounds $PLACEMENT_ROUNDS | tail -1

echo "== dev agent"
bin/drover agent -dev -http-port $DEV_HTTP -rpc-port $((DEV_HTTP + 1)) -serf-port $((DEV_HTTP + 2)) \
  >/tmp/drover-bench-dev.log 2>&1 &
DEV_PID=$!
until curl -sf "127.0.0.1:$DEV_HTTP/v1/status/leader" | grep -q 127; do sleep 0.2; done
for i in $(seq 1 10); do
  curl -sf -X POST "127.0.0.1:$DEV_HTTP/v1/jobs" -d "$(sed "s/ID-PLACEHOLDER/fanout-$i/g" bench/wrk/read-job.json)" >/dev/null
done
echo "1,000 parked GET /v1/jobs (10 jobs), then one write:"
"${BENCH[@]}" blocking --addr 127.0.0.1:$DEV_HTTP --waiters 1000 --rounds 3 | tail -3
wrk -t1 -c64 -d5s -s "$WRK_REGISTER" "http://127.0.0.1:$DEV_HTTP" -- warm >/dev/null
echo "register, 64 connections: $(wrk_rate "http://127.0.0.1:$DEV_HTTP" $SECONDS_PER_RUN 64 "$WRK_REGISTER" dev)"
curl -sf -X POST "127.0.0.1:$DEV_HTTP/v1/jobs" -d "$(sed 's/ID-PLACEHOLDER/bench-read/g' bench/wrk/read-job.json)" >/dev/null
echo "read one job, 64 connections: $(wrk_rate "http://127.0.0.1:$DEV_HTTP/v1/job/bench-read" $SECONDS_PER_RUN 64)"
echo "1,000 parked GET /v1/jobs ($(curl -s 127.0.0.1:$DEV_HTTP/v1/jobs | grep -o '"ID"' | wc -l) jobs), then one write:"
"${BENCH[@]}" blocking --addr 127.0.0.1:$DEV_HTTP --waiters 1000 --rounds 2 | tail -2
stop_dev
DEV_PID=""

echo "== memory of a server holding 10,000 jobs (dev agent, after listing them all)"
bin/drover agent -dev -http-port $DEV_HTTP -rpc-port $((DEV_HTTP + 1)) -serf-port $((DEV_HTTP + 2)) \
  >/tmp/drover-bench-dev.log 2>&1 &
DEV_PID=$!
until curl -sf "127.0.0.1:$DEV_HTTP/v1/status/leader" | grep -q 127; do sleep 0.2; done
"${BENCH[@]}" fill --addr 127.0.0.1:$DEV_HTTP --jobs 10000 | tail -1
for _ in 1 2 3; do curl -sf -o /dev/null "127.0.0.1:$DEV_HTTP/v1/jobs"; done
JAVA_PID=$(pgrep -f "agent -dev -http-port $DEV_HTTP" | tail -1)
echo "resident memory: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$JAVA_PID/status)"
stop_dev
DEV_PID=""

echo "== three-server cluster on loopback"
rm -rf "$ROOT/.drover/cluster-$BASE"
deploy/local-cluster.sh start --base-port $BASE >/dev/null
LEADER_RAFT=$(curl -s "127.0.0.1:$BASE/v1/status/leader" | tr -d '"' | cut -d: -f2)
LEADER_HTTP=$((LEADER_RAFT - 1))
FOLLOWER_HTTP=$BASE; [ $FOLLOWER_HTTP = $LEADER_HTTP ] && FOLLOWER_HTTP=$((BASE + 10))
wrk -t1 -c64 -d10s -s "$WRK_REGISTER" "http://127.0.0.1:$LEADER_HTTP" -- warm >/dev/null
echo "register, 64 connections to the leader: $(wrk_rate "http://127.0.0.1:$LEADER_HTTP" $SECONDS_PER_RUN 64 "$WRK_REGISTER" leader)"
for i in 0 1 2; do
  wrk_rate "http://127.0.0.1:$((BASE + 10 * i))" $SECONDS_PER_RUN 21 "$WRK_REGISTER" "spread$i" >"/tmp/drover-bench-spread$i" &
done
wait
echo "register, 63 connections spread over the three servers: $(awk '{s+=$1} END {printf "%.0f/s", s}' /tmp/drover-bench-spread*)" \
  "($(paste -sd ';' /tmp/drover-bench-spread*))"
curl -sf -X POST "127.0.0.1:$LEADER_HTTP/v1/jobs" -d "$(sed 's/ID-PLACEHOLDER/bench-read/g' bench/wrk/read-job.json)" >/dev/null
sleep 1
echo "read one job on the leader: $(wrk_rate "http://127.0.0.1:$LEADER_HTTP/v1/job/bench-read" $SECONDS_PER_RUN 64)"
echo "read one job on a follower (answered there after a ReadIndex round): $(wrk_rate "http://127.0.0.1:$FOLLOWER_HTTP/v1/job/bench-read" $SECONDS_PER_RUN 64)"
echo "read one job on a follower, ?stale: $(wrk_rate "http://127.0.0.1:$FOLLOWER_HTTP/v1/job/bench-read?stale" $SECONDS_PER_RUN 64)"
deploy/local-cluster.sh stop --base-port $BASE >/dev/null

echo "== kill -9 of the leader under write load"
"${BENCH[@]}" failover --jar server/target/drover-server.jar --rounds 3 | grep round
