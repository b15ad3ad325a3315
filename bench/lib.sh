# Functions the benchmarks share: sourced by bench/pack.sh and bench/registry.sh, which set $log
# (where a timed command's output goes) and $bench (their own name, for messages).

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
