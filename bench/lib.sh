# Functions the benchmarks share: sourced by bench/pack.sh, bench/registry.sh, bench/verify.sh and
# bench/promote.sh, which set $bench (their own name, for messages) before and $log (where a timed
# command's output goes) after.

# The options every benchmark takes: sets $runs (--runs N, default 3), $keep (--keep) and $scale
# (--quick: 16); -h/--help prints the script's header. A script with options of its own defines
# own_option, which takes "$@", sets $taken to how many words it used and fails for a word not its own.
bench_options() {
  runs=3 keep=false scale=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
      --runs=*) runs="${1#--runs=}"; shift ;;
      --keep) keep=true; shift ;;
      --quick) scale=16; shift ;;
      -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
      *)
        if declare -F own_option >/dev/null && own_option "$@"; then
          shift "$taken"
        else
          echo "$bench: unknown option $1 (see --help)" >&2
          exit 2
        fi ;;
    esac
  done
  case "$runs" in ''|*[!0-9]*|0) echo "$bench: --runs needs a positive whole number, got '$runs'" >&2; exit 2 ;; esac
}

require_tools() { # "how to install them" tool...: exits naming the first one missing
  local hint="$1" tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$bench: needs $tool ($hint)" >&2; exit 1; }
  done
}

size_label() {
  awk -v b="$1" 'BEGIN { if (b >= 2^30) printf "%g GiB", b / 2^30; else printf "%g MiB", b / 2^20 }'
}

rate() { # bytes seconds -> GB/s
  awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.3f", b / s / 1e9; else print "-" }'
}

ratio() { # a b -> a/b, or "-" when either is missing
  awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b > 0) printf "%.2f", a / b; else print "-" }'
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
    END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

random_file() { # path bytes: reuse a file of the right size from a --keep run
  if [ -f "$1" ] && [ "$(stat -c %s "$1")" -eq "$2" ]; then return; fi
  echo "  writing $1 ($(size_label "$2") from /dev/urandom)"
  head -c "$2" /dev/urandom >"$1.tmp"
  mv "$1.tmp" "$1"
}

# Runs "$@" with its output in $log and sets $elapsed to the wall time in seconds.
timed() {
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  "$@" >"$log" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  return "$rc"
}

# Like timed, but a failure ends the benchmark with the command's last output.
must() {
  if ! timed "$@"; then
    echo "$bench: failed: $*" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

line() { printf '%s\n' "-----------------------------------------------------------------------------------------------"; }

# --- a docker-registry of the benchmark's own ----------------------------------------------------
# Callers set $reg (config and log directory), $storage (its storage) and may set $port; the
# functions set $port and $reg_pid. Debian's docker-registry (CNCF distribution) on 127.0.0.1.

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    if ! port_in_use "$p"; then echo "$p"; return; fi
  done
  echo "$bench: found no free port" >&2
  exit 1
}

start_registry() { # on $port, or a new free port if it is unset
  local tries
  mkdir -p "$reg" "$storage"
  for tries in 1 2 3 4 5; do
    [ -n "$port" ] || port=$(free_port)
    cat >"$reg/config.yml" <<EOF
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: modelkit-bench
EOF
    docker-registry serve "$reg/config.yml" >>"$reg/registry.log" 2>&1 &
    reg_pid=$!
    for _ in $(seq 1 300); do
      if curl -fs -o /dev/null "http://127.0.0.1:$port/v2/"; then return; fi
      kill -0 "$reg_pid" 2>/dev/null || break
      sleep 0.05
    done
    stop_registry
    port=""   # taken meanwhile, or slow: try another port
  done
  echo "$bench: docker-registry did not start; its log:" >&2
  tail -n 20 "$reg/registry.log" >&2
  exit 1
}

stop_registry() {
  if [ -n "$reg_pid" ]; then
    kill "$reg_pid" 2>/dev/null || true
    wait "$reg_pid" 2>/dev/null || true
    reg_pid=""
  fi
}


# --- raw blob transfer, the most a registry itself can take -------------------------------------

largest_blob_of() { # layout -> path of its biggest blob (the data layer)
  find "$1/blobs" -type f -printf '%s %p\n' | sort -n | tail -n 1 | cut -d' ' -f2-
}

monolithic_put() { # port file digest repo: one POST, then one PUT of the whole blob with ?digest=
  local location
  location=$(curl -fsS -o /dev/null -D - -X POST "http://127.0.0.1:$1/v2/$4/blobs/uploads/" |
    tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  [ -n "$location" ] || { echo "no Location from POST /v2/$4/blobs/uploads/"; return 1; }
  case "$location" in /*) location="http://127.0.0.1:$1$location" ;; esac
  case "$location" in *\?*) location="$location&digest=$3" ;; *) location="$location?digest=$3" ;; esac
  curl -fsS -o /dev/null -H 'Content-Type: application/octet-stream' -H 'Expect:' -T "$2" "$location"
}

storage_bytes() { # directory -> bytes its files hold (apparent size)
  du -sb "$1" 2>/dev/null | cut -f1
}
