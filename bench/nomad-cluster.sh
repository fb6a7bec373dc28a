#!/usr/bin/env bash
# Starts or stops a three-server cluster of the real Nomad (the reference binary, built per
# ../shared/notes/reference-nomad.md) on 127.0.0.1, laid out as deploy/local-cluster.sh lays out
# Drover's: server i (0..2) serves HTTP on P+10i, RPC on P+10i+1 and Serf on P+10i+2. Servers
# only, no client: the benches compare the servers' API, as Drover's cluster has no node either.
#
#   bench/nomad-cluster.sh start|stop [--base-port P] [--nomad PATH]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CMD="${1:-}"; shift || true
BASE=25700
NOMAD="${NOMAD_BIN:-$HOME/nomad-ref/bin/nomad}"
while [ $# -gt 0 ]; do
  case "$1" in
    --base-port) BASE="$2"; shift 2 ;;
    --nomad) NOMAD="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
DIR="$ROOT/.drover/nomad-cluster-$BASE"

start() {
  [ -x "$NOMAD" ] || { echo "no Nomad binary at $NOMAD" >&2; exit 2; }
  mkdir -p "$DIR"
  for i in 0 1 2; do
    local p=$((BASE + 10 * i))
    mkdir -p "$DIR/server$i"
    cat >"$DIR/server$i.hcl" <<HCL
name = "server$i"
bind_addr = "127.0.0.1"
data_dir = "$DIR/server$i"
log_level = "WARN"
disable_update_check = true
advertise { http = "127.0.0.1"  rpc = "127.0.0.1"  serf = "127.0.0.1" }
ports { http = $p  rpc = $((p + 1))  serf = $((p + 2)) }
consul { auto_advertise = false  server_auto_join = false  client_auto_join = false }
limits { http_max_conns_per_client = 0  rpc_max_conns_per_client = 0 }
server {
  enabled = true
  bootstrap_expect = 3
  server_join { retry_join = ["127.0.0.1:$((BASE + 2))", "127.0.0.1:$((BASE + 12))", "127.0.0.1:$((BASE + 22))"] }
}
HCL
    CHECKPOINT_DISABLE=1 nohup "$NOMAD" agent -config "$DIR/server$i.hcl" >"$DIR/server$i.log" 2>&1 &
    echo $! >"$DIR/server$i.pid"
  done
  for _ in $(seq 1 150); do
    if leader=$(curl -sf "http://127.0.0.1:$BASE/v1/status/leader") && [ "$leader" != '""' ]; then
      echo "leader: $leader"; return 0
    fi
    sleep 0.2
  done
  echo "no Nomad leader after 30 s; see $DIR" >&2; return 1
}

stop() {
  for i in 0 1 2; do
    local pidfile="$DIR/server$i.pid"
    [ -f "$pidfile" ] || continue
    local pid; pid="$(cat "$pidfile")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
  rm -rf "$DIR"
}

case "$CMD" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop [--base-port P] [--nomad PATH]" >&2; exit 2 ;;
esac
