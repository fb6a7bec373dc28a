#!/usr/bin/env bash
# Starts, stops or inspects a three-server Drover cluster on 127.0.0.1, each server a separate
# JVM with its own data dir and log. Server i (0..2) listens for HTTP on P+10i, Raft on
# P+10i+1 and gRPC on P+10i+2, with P the base port (default 4646).
#
#   deploy/local-cluster.sh start [--base-port P]
#   deploy/local-cluster.sh status [--base-port P]
#   deploy/local-cluster.sh stop [--base-port P]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CMD="${1:-}"; shift || true
BASE=4646
while [ $# -gt 0 ]; do
  case "$1" in
    --base-port) BASE="$2"; shift 2 ;;
    --base-port=*) BASE="${1#*=}"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
DIR="${DROVER_CLUSTER_DIR:-$ROOT/.drover/cluster-$BASE}"
http_port() { echo $((BASE + 10 * $1)); }
raft_port() { echo $((BASE + 10 * $1 + 1)); }
grpc_port() { echo $((BASE + 10 * $1 + 2)); }

start() {
  mkdir -p "$DIR"
  # Build once, up front, rather than three times in parallel.
  "$ROOT/bin/drover" --version >/dev/null
  local joins=()
  for i in 0 1 2; do joins+=("-retry-join" "127.0.0.1:$(raft_port $i)"); done
  for i in 0 1 2; do
    local pidfile="$DIR/server$i.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "server$i already running (pid $(cat "$pidfile"))"; continue
    fi
    mkdir -p "$DIR/server$i"
    nohup "$ROOT/bin/drover" agent -server -node "server$i" -bind 127.0.0.1 \
      -data-dir "$DIR/server$i" -http-port "$(http_port $i)" -rpc-port "$(raft_port $i)" \
      -serf-port "$(grpc_port $i)" -bootstrap-expect 3 "${joins[@]}" \
      >"$DIR/server$i.log" 2>&1 &
    echo $! >"$pidfile"
    echo "server$i: pid $!, http 127.0.0.1:$(http_port $i), log $DIR/server$i.log"
  done
  for _ in $(seq 1 100); do
    if leader=$(curl -sf "http://127.0.0.1:$(http_port 0)/v1/status/leader") && [ "$leader" != '""' ]; then
      echo "leader: $leader"; return 0
    fi
    sleep 0.2
  done
  echo "no leader after 20 s; see the logs in $DIR" >&2; return 1
}

stop() {
  for i in 0 1 2; do
    local pidfile="$DIR/server$i.pid"
    [ -f "$pidfile" ] || continue
    local pid; pid="$(cat "$pidfile")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      echo "server$i stopped"
    fi
    rm -f "$pidfile"
  done
}

status() {
  for i in 0 1 2; do
    local url="http://127.0.0.1:$(http_port $i)"
    local self
    if self=$(curl -sf "$url/v1/agent/self?stale" 2>/dev/null); then
      local role leader
      role=$(printf '%s' "$self" | sed -n 's/.*"raft":{[^}]*"state":"\([A-Za-z]*\)".*/\1/p')
      leader=$(curl -sf "$url/v1/status/leader?stale" || echo '?')
      echo "server$i $url role=${role:-unknown} leader=$leader"
    else
      echo "server$i $url down"
    fi
  done
}

case "$CMD" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status [--base-port P]" >&2; exit 2 ;;
esac
