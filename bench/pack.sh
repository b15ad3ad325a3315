#!/usr/bin/env bash
# Pack benchmark: how fast `modelkit pack` turns files into ModelKit layers, next to the cheapest
# thing that reads the same bytes and hashes a tar of them (`tar cf - ... | sha256sum`).
#
#   bench/pack.sh [--runs N] [--keep] [--cold] [--quick]
#
#   --runs N   timed runs per case, the median is reported (default 3)
#   --keep     keep bench/work/ (the random input files are reused by the next run)
#   --cold     drop the page cache before each run (root only) instead of reading the inputs into it
#   --quick    all sizes divided by 16, to check the script itself in seconds
#   --out DIR  write the packed layouts to DIR (e.g. /dev/shm) instead of bench/work, to see the
#              tool's own rate apart from the disk's write speed
#
# Cases: (a) one 2 GiB file in one layer; (b) eight 256 MiB files in eight layers (model + 7 parts);
# both with --compression none, then once each with MODELKIT_JAVA_OPTS=-Xmx64m (memory must stay
# flat whatever the model size); and gzip, gzip-fastest and zstd on one 512 MiB file.
# Inputs come from /dev/urandom, so they do not compress: the worst case for gzip and zstd, and the
# usual case for model weights. Needs about 7 GiB free under bench/.
#
# Warm by default: a pack in CI usually reads files that were just written or downloaded, and cold
# reads on a virtual disk measure the disk (and its neighbours) far more than the tool.
set -euo pipefail

out=""
cold=false
own_option() { # --cold and --out DIR, see above
  case "$1" in
    --cold) cold=true; taken=1 ;;
    --out) out="${2:?--out needs a directory}"; taken=2 ;;
    *) return 1 ;;
  esac
}

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=pack.sh
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_options "$@"

cd "$root"
work=bench/work              # relative on purpose: refs look like oci:bench/work/out-a:v1
out="${out:-$work}"          # where the packed layouts go: --out /dev/shm takes the disk out of the figures
mkdir -p "$out"
modelkit="$root/modelkit"
log="$work/last-command.log"
java_opts="${MODELKIT_JAVA_OPTS-}"

mib=$((1 << 20))
single_bytes=$((2048 * mib / scale))
part_bytes=$((256 * mib / scale))
parts=8
multi_bytes=$((parts * part_bytes))
small_bytes=$((512 * mib / scale))

cleanup() {
  if ! $keep; then rm -rf "$work" "$out"/out-*; fi
}
trap cleanup EXIT

# --- functions -----------------------------------------------------------------------------------


# Leaves every timed run the same start: no output from the last run, no dirty pages being flushed
# in the background, and the inputs either all on disk (cold) or all in memory (warm).
prepare() {
  rm -rf "$out"/out-* "$work/home"
  sync
  if $cold; then
    echo 3 >/proc/sys/vm/drop_caches
  else
    cat "$@" >/dev/null
  fi
}

pack() { # context out-name compression
  MODELKIT_JAVA_OPTS="$java_opts" MODELKIT_HOME="$root/$work/home" \
    "$modelkit" pack "$work/$1" --compression "$3" -t "oci:$out/$2:v1"
}

tar_sha() { # dir entry
  tar cf - -C "$1" "$2" | sha256sum
}

tar_compress_sha() { # dir entry compressor...
  local dir="$1" entry="$2"
  shift 2
  tar cf - -C "$dir" "$entry" | "$@" | sha256sum
}

largest_blob() { # out-name -> bytes of the biggest blob in the layout (the data layer)
  find "$out/$1/blobs" -type f -printf '%s\n' 2>/dev/null | sort -n | tail -n 1
}

# --- setup -------------------------------------------------------------------------------------

echo "Building or checking the modelkit CLI..."
version="$("$modelkit" --version | head -n 1)"
mkdir -p "$work/a" "$work/b" "$work/c"

# Room for the inputs not yet there (a --keep run leaves them) plus the biggest layout one run writes.
need_bytes=$((single_bytes + 256 * mib))
for spec in "a/model.bin:$single_bytes" "c/model.bin:$small_bytes" $(seq -f "b/shard-%g.bin:$part_bytes" 0 $((parts - 1))); do
  f="$work/${spec%%:*}"
  if ! [ -f "$f" ] || [ "$(stat -c %s "$f")" -ne "${spec#*:}" ]; then need_bytes=$((need_bytes + ${spec#*:})); fi
done
free_bytes=$(( $(df -Pk "$work" | awk 'NR == 2 { print $4 }') * 1024 ))
if [ "$free_bytes" -lt "$need_bytes" ]; then
  echo "pack.sh: needs $(size_label "$need_bytes") free under $work, has $(size_label "$free_bytes")" >&2
  exit 1
fi

if $cold && ! { sync && echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
  echo "Cannot drop the page cache here (needs root); measuring warm instead."
  cold=false
fi
if $cold; then
  cache_note="cold: sync; echo 3 > /proc/sys/vm/drop_caches before every timed run"
else
  cache_note="warm: inputs read once, untimed, before every timed run (--cold to drop the cache)"
fi

echo "Preparing inputs in $work/..."
random_file "$work/a/model.bin" "$single_bytes"
for i in $(seq 0 $((parts - 1))); do
  random_file "$work/b/shard-$i.bin" "$part_bytes"
done
random_file "$work/c/model.bin" "$small_bytes"

cat >"$work/a/Kitfile" <<'EOF'
manifestVersion: 1.0.0
package:
  name: bench-single
model:
  name: single
  path: model.bin
EOF
cp "$work/a/Kitfile" "$work/c/Kitfile"
{
  printf 'manifestVersion: 1.0.0\npackage:\n  name: bench-layers\nmodel:\n  name: sharded\n  path: shard-0.bin\n  parts:\n'
  for i in $(seq 1 $((parts - 1))); do
    printf '    - name: shard-%d\n      path: shard-%d.bin\n' "$i" "$i"
  done
} >"$work/b/Kitfile"

a_files=("$work/a/model.bin")
b_files=("$work"/b/shard-*.bin)

# --- (a) and (b), uncompressed -----------------------------------------------------------------

a_mk=() a_base=() b_mk=() b_base=()
for run in $(seq 1 "$runs"); do
  echo "Run $run of $runs..."
  prepare "${a_files[@]}"; must tar_sha "$work/a" model.bin;         a_base+=("$elapsed")
  prepare "${a_files[@]}"; must pack a out-a none;                   a_mk+=("$elapsed")
  prepare "${b_files[@]}"; must tar_sha "$work" b;                   b_base+=("$elapsed")
  prepare "${b_files[@]}"; must pack b out-b none;                   b_mk+=("$elapsed")
done
a_mk_s=$(median "${a_mk[@]}");   a_base_s=$(median "${a_base[@]}")
b_mk_s=$(median "${b_mk[@]}");   b_base_s=$(median "${b_base[@]}")
a_mk_r=$(rate "$single_bytes" "$a_mk_s"); a_base_r=$(rate "$single_bytes" "$a_base_s")
b_mk_r=$(rate "$multi_bytes" "$b_mk_s");  b_base_r=$(rate "$multi_bytes" "$b_base_s")

# --- small heap --------------------------------------------------------------------------------

echo "Small heap (-Xmx64m)..."
small_heap() { # case out-name bytes files... -> "PASS 1.234" or "FAIL"
  local name="$1" dest="$2" bytes="$3"
  shift 3
  prepare "$@"
  if java_opts="-Xmx64m" timed pack "$name" "$dest" none && [ -f "$out/$dest/index.json" ]; then
    echo "PASS $(rate "$bytes" "$elapsed") $elapsed"
  else
    echo "-Xmx64m pack of ($name) failed:" >&2
    tail -n 20 "$log" >&2
    echo "FAIL - -"
  fi
}
read -r a_heap a_heap_r a_heap_s < <(small_heap a out-a-xmx "$single_bytes" "${a_files[@]}")
read -r b_heap b_heap_r b_heap_s < <(small_heap b out-b-xmx "$multi_bytes" "${b_files[@]}")

# --- compression, one run each -----------------------------------------------------------------

echo "Compression on $(size_label "$small_bytes") (one run each)..."
compressed_rows=()
for mode in gzip gzip-fastest zstd; do
  case "$mode" in
    gzip) tool=(gzip -6 -c) ;;
    gzip-fastest) tool=(gzip -1 -c) ;;
    zstd) tool=(zstd -3 -T1 -q -c) ;;
  esac
  prepare "$work/c/model.bin"; must pack c "out-c-$mode" "$mode"; mk_s="$elapsed"
  layer=$(largest_blob "out-c-$mode")
  prepare "$work/c/model.bin"; must tar_compress_sha "$work/c" model.bin "${tool[@]}"; base_s="$elapsed"
  mk_r=$(rate "$small_bytes" "$mk_s"); base_r=$(rate "$small_bytes" "$base_s")
  compressed_rows+=("$(printf '%-14s %9.2f %8s %11s   %-18s %9.2f %8s %9s' \
    "$mode" "$mk_s" "$mk_r" "$(ratio "${layer:-0}" "$small_bytes")" "tar | ${tool[*]:0:2}" "$base_s" "$base_r" \
    "$(ratio "$mk_r" "$base_r")")")
done

# --- report ------------------------------------------------------------------------------------

echo
echo "ModelKit pack benchmark"
echo "  $version; $(java -version 2>&1 | head -n 1); $(nproc) CPUs; $(uname -sr)"
echo "  median of $runs run(s) per case; 1 GB = 1e9 bytes; rate = input bytes / wall time (JVM start included)"
echo "  page cache: $cache_note"
echo "  packed layouts written to: $out"
[ "$scale" -eq 1 ] || echo "  --quick: every size divided by $scale"
line
printf '%-36s %9s %8s   %9s %8s   %s\n' "case (--compression none)" "modelkit" "" "tar|sha" "" "modelkit/"
printf '%-36s %9s %8s   %9s %8s   %s\n' "" "s" "GB/s" "s" "GB/s" "baseline rate"
line
printf '%-36s %9.2f %8s   %9.2f %8s   %s\n' "(a) 1 file x $(size_label "$single_bytes"), 1 layer" \
  "$a_mk_s" "$a_mk_r" "$a_base_s" "$a_base_r" "$(ratio "$a_mk_r" "$a_base_r")"
printf '%-36s %9.2f %8s   %9.2f %8s   %s\n' "(b) $parts files x $(size_label "$part_bytes"), $parts layers" \
  "$b_mk_s" "$b_mk_r" "$b_base_s" "$b_base_r" "$(ratio "$b_mk_r" "$b_base_r")"
printf '%-36s %9s %8s   %9s %8s\n' "(b) rate / (a) rate" "" "$(ratio "$b_mk_r" "$a_mk_r")" "" "$(ratio "$b_base_r" "$a_base_r")"
line
printf '%-36s %s  %s GB/s  (%s s)\n' "(a) with MODELKIT_JAVA_OPTS=-Xmx64m" "$a_heap" "$a_heap_r" "$a_heap_s"
printf '%-36s %s  %s GB/s  (%s s)\n' "(b) with MODELKIT_JAVA_OPTS=-Xmx64m" "$b_heap" "$b_heap_r" "$b_heap_s"
line
echo "compressed, 1 file x $(size_label "$small_bytes"), 1 run each"
printf '%-14s %9s %8s %11s   %-18s %9s %8s %9s\n' "--compression" "s" "GB/s" "layer/input" "baseline" "s" "GB/s" "mk/base"
for row in "${compressed_rows[@]}"; do echo "$row"; done
line
if $keep; then echo "Inputs kept in $work/ (reused by the next run)."; fi
[ "$a_heap" = PASS ] && [ "$b_heap" = PASS ]
