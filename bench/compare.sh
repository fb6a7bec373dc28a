#!/usr/bin/env bash
# Drover and the real Nomad side by side, in one run on this machine: fresh three-server clusters
# on loopback, the same wrk load and job body, runs alternating Nomad/Drover. Prints each run and
# then the medians and the ratios Drover/Nomad. Without the Nomad binary it measures Drover alone.
#
#   bench/compare.sh [--rounds N] [--seconds S] [--nomad PATH] [--only drover|nomad] [--writes-only]
#
# Figures: register throughput through the leader (64 connections) on the fresh cluster (cold)
# and again right after (warm), with the CPU time per acknowledged write summed over the three
# server processes; the same through a follower (16 connections); GET /v1/job/:id on a follower
# in the default mode and GET /v1/jobs listing 1,000 jobs on a follower (64 connections). After
# the warm register run, register-warm-with-evals waits until no evaluation is pending: its rate
# counts that wait, and its CPU per write adds the CPU the servers spent meanwhile.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROUNDS=3 SECS=15 ONLY="" WRITES_ONLY=""
NOMAD="${NOMAD_BIN:-$HOME/nomad-ref/bin/nomad}"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --seconds) SECS="$2"; shift 2 ;;
    --nomad) NOMAD="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --writes-only) WRITES_ONLY=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
SYSTEMS=(drover)
[ -x "$NOMAD" ] && SYSTEMS=(nomad drover)
[ -n "$ONLY" ] && SYSTEMS=("$ONLY")
DROVER_BASE=18700 NOMAD_BASE=25700
REGISTER="$ROOT/bench/wrk/register.lua"
OUT="$(mktemp -d)"
[ -f server/target/drover-server.jar ] || mvn -B -q -DskipTests package

cluster() { # system start|stop
  if [ "$1" = nomad ]; then bench/nomad-cluster.sh "$2" --base-port $NOMAD_BASE --nomad "$NOMAD" >/dev/null
  else
    [ "$2" = start ] && rm -rf "$ROOT/.drover/cluster-$DROVER_BASE"
    deploy/local-cluster.sh "$2" --base-port $DROVER_BASE >/dev/null
    [ "$2" = stop ] && rm -rf "$ROOT/.drover/cluster-$DROVER_BASE"
  fi
  return 0
}
trap 'cluster nomad stop 2>/dev/null; cluster drover stop 2>/dev/null; rm -rf "$OUT"' EXIT
base_of() { [ "$1" = nomad ] && echo $NOMAD_BASE || echo $DROVER_BASE; }
pids_of() {
  if [ "$1" = nomad ]; then cat "$ROOT/.drover/nomad-cluster-$NOMAD_BASE"/server*.pid
  else cat "$ROOT/.drover/cluster-$DROVER_BASE"/server*.pid; fi
}
cpu_ticks() { # summed user+system clock ticks of the given pids
  local t=0 pid
  for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo $t
}
leader_http() { # system: the HTTP port of the current leader
  local base; base=$(base_of "$1")
  local rpc; rpc=$(curl -sf "127.0.0.1:$base/v1/status/leader" | tr -d '"' | cut -d: -f2)
  echo $((rpc - 1))
}
follower_http() { local base; base=$(base_of "$1"); local l; l=$(leader_http "$1"); [ "$l" = "$base" ] && echo $((base + 10)) || echo "$base"; }

# run NAME SYSTEM URL CONNS [wrk script args]: one wrk run; records "rate p50 p99 cpu-ms-per-request"
run() {
  local name=$1 sys=$2 url=$3 conns=$4; shift 4
  local opts=(-t1 -c"$conns" -d"${SECS}s" --latency)
  [ $# -gt 0 ] && { opts+=(-s "$1"); shift; }
  local pids; mapfile -t pids < <(pids_of "$sys")
  local before; before=$(cpu_ticks "${pids[@]}")
  local w; w=$(wrk "${opts[@]}" "$url" ${1+--} "$@")
  local after; after=$(cpu_ticks "${pids[@]}")
  local tck; tck=$(getconf CLK_TCK)
  echo "$w" | awk -v name="$name" -v sys="$sys" -v ticks=$((after - before)) -v tck="$tck" '
    /requests in/ {n=$1} /Non-2xx/ {bad=$NF} /Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    END {ok=n-bad; printf "%s %s %.0f %s %s %.2f %d\n", name, sys, r*(ok/(n>0?n:1)), p50, p99, (ok>0? ticks*1000/tck/ok : 0), bad}' \
    | tee -a "$OUT/runs"
}

# drain NAME SYSTEM PORT: right after a register run, how long until the evaluations are processed
# (the leader's Raft log stops moving) and the servers' CPU meanwhile; records the register run's writes with that CPU added, so the
# CPU per write includes scheduling each write's evaluation (which either system may leave
# queued when the load stops).
drain() {
  local name=$1 sys=$2 port=$3
  local last; last=$(tail -1 "$OUT/runs")
  local pids; mapfile -t pids < <(pids_of "$sys")
  local before; before=$(cpu_ticks "${pids[@]}")
  local start; start=$(date +%s.%N)
  # Done once the Raft applied index has not moved for 4 s (scheduling an evaluation writes to
  # the log; listing the evaluations to count the pending ones cost both servers too much with
  # tens of thousands of them). At most 180 s; then one list counts what is left pending.
  local i index prev="" still=0 pending settled=""
  for i in $(seq 1 180); do
    index=$(curl -sf "127.0.0.1:$port/v1/agent/self" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stats"]["raft"]["applied_index"])' || echo "?")
    if [ "$index" = "$prev" ]; then still=$((still + 1)); else still=0; prev=$index; settled=$(date +%s.%N); fi
    [ $still -ge 4 ] && break
    sleep 1
  done
  local secs; secs=$(echo "${settled:-$(date +%s.%N)} - $start" | bc)
  pending=$(curl -sf "127.0.0.1:$port/v1/evaluations" | python3 -c 'import json,sys; print(sum(1 for e in json.load(sys.stdin) if e["Status"] == "pending"))' || echo "?")
  local after; after=$(cpu_ticks "${pids[@]}")
  echo "$last" | awk -v pending="$pending" -v name="$name" -v secs="$secs" -v ticks=$((after - before)) -v tck="$(getconf CLK_TCK)" -v run="$SECS" '
    {ok=$3*run; printf "%s %s %.0f %.1fs - %.2f pending:%s\n", name, $2, ok/(run+secs), secs, $6 + (ok>0 ? ticks*1000/tck/ok : 0), pending}' \
    | tee -a "$OUT/runs"
}

fill() { # system port count prefix: registers count jobs
  local i
  for i in $(seq 1 "$3"); do
    printf '{"Job":{"ID":"%s-%d","Name":"%s-%d","Type":"batch","Datacenters":["dc1"],"TaskGroups":[{"Name":"g","Count":1,"Tasks":[{"Name":"t","Driver":"raw_exec","Config":{"command":"/bin/sleep","args":["60"]},"Resources":{"CPU":100,"MemoryMB":32}}]}]}}\n' "$4" "$i" "$4" "$i"
  done | xargs -P 8 -d '\n' -I{} curl -sf -o /dev/null -X POST "127.0.0.1:$2/v1/jobs" -d {}
}

echo "figure system rate/s p50 p99 server-cpu-ms-per-request non-2xx (register-warm-with-evals: drain time instead of p50, evaluations left pending)"
for round in $(seq 1 "$ROUNDS"); do
  for sys in "${SYSTEMS[@]}"; do
    cluster "$sys" start; sleep 1
    L=$(leader_http "$sys") F=$(follower_http "$sys")
    run register-leader-cold "$sys" "http://127.0.0.1:$L" 64 "$REGISTER" "c$round"
    run register-leader-warm "$sys" "http://127.0.0.1:$L" 64 "$REGISTER" "w$round"
    drain register-warm-with-evals "$sys" "$L"
    run register-follower "$sys" "http://127.0.0.1:$F" 16 "$REGISTER" "f$round"
    cluster "$sys" stop
    [ -n "$WRITES_ONLY" ] && continue
    # Reads on a fresh cluster holding exactly 1,000 jobs.
    cluster "$sys" start; sleep 1
    L=$(leader_http "$sys") F=$(follower_http "$sys")
    fill "$sys" "$L" 1000 read; sleep 1
    run read-job-follower "$sys" "http://127.0.0.1:$F/v1/job/read-500" 64
    run list-1000-follower "$sys" "http://127.0.0.1:$F/v1/jobs" 64
    cluster "$sys" stop
  done
done

echo
echo "medians over $ROUNDS rounds (rate/s; server CPU-ms per request)"
awk '{rate[$1" "$2]=rate[$1" "$2]" "$3; cpu[$1" "$2]=cpu[$1" "$2]" "$6} END {for (k in rate) print k, rate[k], "|", cpu[k]}' "$OUT/runs" |
  python3 -c '
import sys, statistics as st
rows = {}
for line in sys.stdin:
    left, right = line.split("|")
    f = left.split(); fig, sysname = f[0], f[1]
    rows.setdefault(fig, {})[sysname] = (st.median(map(float, f[2:])), st.median(map(float, right.split())))
for fig in sorted(rows):
    d = rows[fig].get("drover"); n = rows[fig].get("nomad")
    line = f"{fig:22s} drover {d[0]:8.0f}/s {d[1]:6.2f} ms" if d else fig
    if n: line += f"   nomad {n[0]:8.0f}/s {n[1]:6.2f} ms   ratio {d[0]/n[0]:5.2f}x rate, {d[1]/n[1] if n[1] else 0:5.2f}x cpu"
    print(line)
'
