#!/usr/bin/env bash
# Resident memory of a dev agent holding N jobs, Drover's and (where the reference binary is
# present) Nomad's, one after the other: start the agent, register N distinct batch jobs with
# drover-bench fill, list them three times, read VmRSS, then again once the agent is idle
# (its evaluations scheduled); also the agent's CPU over the next 10 idle seconds. Prints one
# line per agent and count.
#
#   bench/memory.sh [--jobs "10000 50000"] [--nomad PATH]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
COUNTS="10000"
NOMAD="${NOMAD_BIN:-$HOME/nomad-ref/bin/nomad}"
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) COUNTS="$2"; shift 2 ;;
    --nomad) NOMAD="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[ -f bench/target/drover-bench.jar ] || mvn -B -q -DskipTests package
BENCH=(java -jar bench/target/drover-bench.jar)
HTTP=18646
WORK="$(mktemp -d)"
AGENT_PID=""
stop_agent() { if [ -n "$AGENT_PID" ]; then kill "$AGENT_PID" 2>/dev/null; wait "$AGENT_PID" 2>/dev/null || true; fi; AGENT_PID=""; }
trap 'stop_agent; rm -rf "$WORK"' EXIT

start_agent() { # system
  if [ "$1" = nomad ]; then
    cat >"$WORK/nomad.hcl" <<HCL
bind_addr = "127.0.0.1"
data_dir = "$WORK/nomad-data"
log_level = "WARN"
ports { http = $HTTP  rpc = $((HTTP + 1))  serf = $((HTTP + 2)) }
limits { http_max_conns_per_client = 0 }
plugin "raw_exec" { config { enabled = true } }
HCL
    CHECKPOINT_DISABLE=1 "$NOMAD" agent -dev -bind 127.0.0.1 -config "$WORK/nomad.hcl" >"$WORK/agent.log" 2>&1 &
  else
    bin/drover agent -dev -http-port $HTTP -rpc-port $((HTTP + 1)) -serf-port $((HTTP + 2)) >"$WORK/agent.log" 2>&1 &
  fi
  AGENT_PID=$!
  for _ in $(seq 1 150); do
    curl -sf "127.0.0.1:$HTTP/v1/status/leader" | grep -q 127 && return 0
    sleep 0.2
  done
  echo "$1 agent did not start; log:" >&2; tail -20 "$WORK/agent.log" >&2; return 1
}

# The JVM (or nomad) process itself, not the bin/drover shell that started it.
agent_process() { pgrep -P "$AGENT_PID" java || echo "$AGENT_PID"; }

SYSTEMS=(drover)
[ -x "$NOMAD" ] && SYSTEMS=(nomad drover)
for sys in "${SYSTEMS[@]}"; do
  start_agent "$sys"
  held=0
  for n in $COUNTS; do
    "${BENCH[@]}" fill --addr "127.0.0.1:$HTTP" --jobs $((n - held)) --prefix "m$n" >/dev/null
    held=$n
    sleep 5
    for _ in 1 2 3; do curl -sf -o /dev/null "127.0.0.1:$HTTP/v1/jobs"; done
    pid=$(agent_process)
    busy=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
    # Both agents go on scheduling the fill's evaluations for a while: the memory of a server
    # holding the jobs is measured once it is idle (under 5 % of a core over 2 s; at most 120 s).
    waited=0
    while [ $waited -lt 120 ]; do
      t0=$(awk '{print $14 + $15}' "/proc/$pid/stat"); sleep 2; t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
      waited=$((waited + 2))
      [ $(( (t1 - t0) * 100 / $(getconf CLK_TCK) / 2 )) -lt 5 ] && break
    done
    rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
    t0=$(awk '{print $14 + $15}' "/proc/$pid/stat"); sleep 10; t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    echo "$sys dev agent holding $(curl -sf "127.0.0.1:$HTTP/v1/jobs" | grep -o '"ID"' | wc -l) jobs: RSS ${busy} MB right after the fill, ${rss} MB once idle (${waited} s later); idle CPU $(( (t1 - t0) * 100 / $(getconf CLK_TCK) / 10 ))% of a core"
  done
  stop_agent
done
