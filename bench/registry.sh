#!/usr/bin/env bash
# Registry benchmark: how fast `modelkit push` and `modelkit pull` move a ModelKit through a real
# OCI registry on loopback, next to skopeo (an independent OCI client) and to curl moving the same
# blob in one request (the most the registry itself can take or give).
#
#   bench/registry.sh [--runs N] [--keep] [--quick] [--concurrency N]
#
#   --runs N         timed runs per case, the median is reported (default 3)
#   --keep           keep the random input files under bench/work/ (reused by the next run)
#   --quick          all sizes divided by 16, to check the script itself in seconds
#   --concurrency N  passed to modelkit push and pull (default: the tool's own, 4)
#
# Cases: (a) one 2 GiB file in one layer; (b) eight 256 MiB files in eight layers (model + 7 parts);
# both packed with --compression none into the local store and into an oci: layout.
#   push: modelkit push from the store and from the layout; skopeo copy oci:... docker://...;
#         for (a) also curl: POST /v2/<repo>/blobs/uploads/, then one PUT of the whole blob with
#         ?digest= (a monolithic upload). Every timed push goes into an empty registry.
#   pull: modelkit pull into an empty local store (every byte checked against its digest);
#         skopeo copy docker://... oci:...; for (a) also curl -o /dev/null of the blob.
#   pack --push-only: modelkit pack straight from the files into the registry, with an empty
#         MODELKIT_HOME that must still hold no file afterwards (no local copy of the model).
#   then: a re-push of the unchanged ModelKits (the bytes sent must be 0), a push of (a) and (b)
#         with MODELKIT_JAVA_OPTS=-Xmx64m, and a --push-only pack of (a) and (b) together, 4 GiB in
#         nine layers, with -Xmx64m (memory must stay flat whatever the model size).
# The registry is Debian's docker-registry (CNCF distribution), started by this script on a free
# 127.0.0.1 port with its storage under bench/work/registry, and stopped when it ends. Inputs come
# from /dev/urandom. Needs about 22 GiB free under bench/ (1.4 GiB with --quick).
#
# Warm: the bytes a run reads (store or layout blobs, the registry's blobs for a pull) are read once,
# untimed, before it, and `sync` runs first, so no run pays for the previous one's writes.
set -euo pipefail

concurrency=()
own_option() { # --concurrency N: blobs at once, passed to modelkit
  case "$1" in
    --concurrency) concurrency=(--concurrency "${2:?--concurrency needs a number}"); taken=2 ;;
    --concurrency=*) concurrency=(--concurrency "${1#--concurrency=}"); taken=1 ;;
    *) return 1 ;;
  esac
}

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=registry.sh
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_options "$@"
require_tools "Debian: apt-get install docker-registry skopeo curl" docker-registry skopeo curl sha256sum

cd "$root"
work=bench/work              # relative on purpose: refs look like oci:bench/work/layout-a:v1
mkdir -p "$work"
modelkit="$root/modelkit"
log="$work/registry-last-command.log"
java_opts="${MODELKIT_JAVA_OPTS-}"

reg="$work/registry"             # config, log and storage of the registry
storage="$root/$reg/storage"
home="$root/$work/registry-home" # local store the ModelKits are packed into
pull_home="$root/$work/registry-pull-home"
push_only_home="$root/$work/registry-push-only-home"  # must stay empty: --push-only keeps no copy
both_kitfile="$work/registry-both.Kitfile"        # (a) and (b) in one ModelKit, context $work
skopeo_out="$work/registry-skopeo-out"
skopeo_home="$root/$work/registry-skopeo-home"  # skopeo's blob cache would otherwise mount known blobs
inputs=("$work/registry-a" "$work/registry-b")
outputs=("$reg" "$home" "$pull_home" "$push_only_home" "$both_kitfile" "$skopeo_out" "$skopeo_home" "$work/layout-a" "$work/layout-b" "$log")

mib=$((1 << 20))
single_bytes=$((2048 * mib / scale))
part_bytes=$((256 * mib / scale))
parts=8
multi_bytes=$((parts * part_bytes))

reg_pid=""
port=""

cleanup() {
  stop_registry
  rm -rf "${outputs[@]}"
  if ! $keep; then rm -rf "${inputs[@]}"; fi
  rmdir "$work" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- functions -----------------------------------------------------------------------------------


# An empty registry on the same port: a push finds no blob it could skip or mount.
reset_registry() {
  stop_registry
  rm -rf "$storage"
  start_registry
}

# Leaves every timed run the same start: nothing left to flush from the last run, and the bytes
# the run reads in the page cache.
prepare() { # files or directories to read
  sync
  local f
  for f in "$@"; do
    if [ -d "$f" ]; then find "$f" -type f -exec cat {} + >/dev/null; else cat "$f" >/dev/null; fi
  done
}

mk() { # modelkit with the bench's store and JVM options
  MODELKIT_JAVA_OPTS="$java_opts" MODELKIT_HOME="${mk_home:-$home}" "$modelkit" "$@"
}

mk_push() { # src repo:tag
  mk push "$1" "127.0.0.1:$port/$2" --plain-http ${concurrency[@]+"${concurrency[@]}"}
}

mk_pull() { # repo:tag, into an empty store
  rm -rf "$pull_home"
  mk_home="$pull_home" mk pull "127.0.0.1:$port/$1" --plain-http ${concurrency[@]+"${concurrency[@]}"}
}

mk_push_only() { # context repo:tag [options]: pack from the files into the registry, nothing stored
  local context=$1 target=$2
  shift 2
  rm -rf "$push_only_home"
  mkdir -p "$push_only_home"
  mk_home="$push_only_home" mk pack "$context" --compression none -t "127.0.0.1:$port/$target" --push-only \
    --plain-http ${concurrency[@]+"${concurrency[@]}"} "$@" || return
  if [ -n "$(find "$push_only_home" -mindepth 1 -print -quit)" ]; then
    echo "--push-only left files in $push_only_home:"; find "$push_only_home" | head; return 1
  fi
}

skopeo_push() { # layout repo:tag
  HOME="$skopeo_home" skopeo copy --dest-tls-verify=false "oci:$1:v1" "docker://127.0.0.1:$port/$2"
}

skopeo_pull() { # repo:tag
  rm -rf "$skopeo_out"
  HOME="$skopeo_home" skopeo copy --src-tls-verify=false "docker://127.0.0.1:$port/$1" "oci:$skopeo_out:v1"
}

curl_pull() { # digest repo
  curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/$2/blobs/$1"
}

# "Pushed sha256:... to ... (N blobs, X sent; M already there)" -> "N|X|M"
push_summary() {
  sed -n 's/.*(\([0-9]*\) blobs, \(.*\) sent; \([0-9]*\) already there.*/\1|\2|\3/p' "$log" | tail -n 1
}

# --- setup -------------------------------------------------------------------------------------

echo "Building or checking the modelkit CLI..."
version="$("$modelkit" --version | head -n 1)"
registry_version="$(docker-registry --version 2>/dev/null | head -n 1 || true)"
mkdir -p "${inputs[@]}"

# Inputs not yet there, the store and both layouts, the registry, one pulled store and skopeo's copy.
need_bytes=$(( (single_bytes + multi_bytes) * 4 + single_bytes * 2 + 512 * mib ))
for spec in "registry-a/model.bin:$single_bytes" $(seq -f "registry-b/shard-%g.bin:$part_bytes" 0 $((parts - 1))); do
  f="$work/${spec%%:*}"
  if ! [ -f "$f" ] || [ "$(stat -c %s "$f")" -ne "${spec#*:}" ]; then need_bytes=$((need_bytes + ${spec#*:})); fi
done
free_bytes=$(( $(df -Pk "$work" | awk 'NR == 2 { print $4 }') * 1024 ))
if [ "$free_bytes" -lt "$need_bytes" ]; then
  echo "registry.sh: needs $(size_label "$need_bytes") free under $work, has $(size_label "$free_bytes")" >&2
  exit 1
fi

echo "Preparing inputs in $work/..."
random_file "$work/registry-a/model.bin" "$single_bytes"
for i in $(seq 0 $((parts - 1))); do
  random_file "$work/registry-b/shard-$i.bin" "$part_bytes"
done
cat >"$work/registry-a/Kitfile" <<'EOF'
manifestVersion: 1.0.0
package:
  name: bench-single
model:
  name: single
  path: model.bin
EOF
{
  printf 'manifestVersion: 1.0.0\npackage:\n  name: bench-layers\nmodel:\n  name: sharded\n  path: shard-0.bin\n  parts:\n'
  for i in $(seq 1 $((parts - 1))); do
    printf '    - name: shard-%d\n      path: shard-%d.bin\n' "$i" "$i"
  done
} >"$work/registry-b/Kitfile"
{
  printf 'manifestVersion: 1.0.0\npackage:\n  name: bench-both\nmodel:\n  name: both\n  path: registry-a/model.bin\n  parts:\n'
  for i in $(seq 0 $((parts - 1))); do
    printf '    - name: shard-%d\n      path: registry-b/shard-%d.bin\n' "$i" "$i"
  done
} >"$both_kitfile"

echo "Packing into the local store and into oci: layouts..."
rm -rf "$home" "$work/layout-a" "$work/layout-b"
for c in a b; do
  must mk pack "$work/registry-$c" --compression none -t "bench-$c:v1"
  must mk pack "$work/registry-$c" --compression none -t "oci:$work/layout-$c:v1"
done
a_blob=$(largest_blob_of "$work/layout-a")
a_digest="sha256:$(basename "$a_blob")"
[ "$(stat -c %s "$a_blob")" -gt "$single_bytes" ] || { echo "registry.sh: no data layer in $work/layout-a" >&2; exit 1; }

echo "Starting docker-registry..."
start_registry
echo "  listening on 127.0.0.1:$port, storage in $reg/storage"

# --- push ----------------------------------------------------------------------------------------

declare -A t=()   # case -> space-separated seconds of every run
add() { t[$1]="${t[$1]-} $elapsed"; }

for run in $(seq 1 "$runs"); do
  echo "Push, run $run of $runs..."
  for c in a b; do
    reset_registry; prepare "$home";            must mk_push "bench-$c:v1" "bench/$c-store-$run:v1";       add "push-$c-store"
    reset_registry; prepare "$work/layout-$c";  must mk_push "oci:$work/layout-$c:v1" "bench/$c-oci-$run:v1"; add "push-$c-oci"
    reset_registry; prepare "$work/layout-$c"; rm -rf "$skopeo_home"; mkdir -p "$skopeo_home"
    must skopeo_push "$work/layout-$c" "bench/$c-skopeo-$run:v1";                                             add "push-$c-skopeo"
    reset_registry; prepare "$work/registry-$c"; must mk_push_only "$work/registry-$c" "bench/$c-po-$run:v1"; add "push-$c-po"
  done
  reset_registry; prepare "$a_blob";            must monolithic_put "$port" "$a_blob" "$a_digest" "bench/a-curl-$run";    add "push-a-curl"
done

# --- pull ----------------------------------------------------------------------------------------

echo "Filling the registry for the pulls..."
reset_registry
for c in a b; do must mk_push "bench-$c:v1" "bench/pull-$c:v1"; done

for run in $(seq 1 "$runs"); do
  echo "Pull, run $run of $runs..."
  for c in a b; do
    rm -rf "$pull_home" "$skopeo_out"; prepare "$storage"; must mk_pull "bench/pull-$c:v1";  add "pull-$c-mk"
    rm -rf "$pull_home" "$skopeo_out" "$skopeo_home"; mkdir -p "$skopeo_home"; prepare "$storage"
    must skopeo_pull "bench/pull-$c:v1";                                                       add "pull-$c-skopeo"
  done
  rm -rf "$pull_home" "$skopeo_out"; prepare "$storage"; must curl_pull "$a_digest" "bench/pull-a"; add "pull-a-curl"
done
rm -rf "$pull_home" "$skopeo_out"

# --- re-push and small heap ----------------------------------------------------------------------

echo "Re-push of the unchanged ModelKits..."
declare -A re_sent=() re_blobs=() re_skipped=() re_s=() re=()
for c in a b; do
  prepare "$home"
  must mk_push "bench-$c:v1" "bench/pull-$c:v1"
  summary=$(push_summary)
  [ -n "$summary" ] || { echo "registry.sh: cannot read the push summary:" >&2; cat "$log" >&2; exit 1; }
  IFS='|' read -r re_blobs[$c] re_sent[$c] re_skipped[$c] <<<"$summary"
  re_s[$c]=$elapsed
  if [ "${re_blobs[$c]}" = 0 ] && [ "${re_sent[$c]}" = "0 B" ]; then re[$c]=PASS; else re[$c]=FAIL; fi
done

echo "Small heap (-Xmx64m)..."
declare -A heap=() heap_r=() heap_s=()
for c in a b; do
  case "$c" in a) bytes=$single_bytes ;; *) bytes=$multi_bytes ;; esac
  reset_registry
  prepare "$home"
  if java_opts="-Xmx64m" timed mk_push "bench-$c:v1" "bench/$c-xmx:v1" \
    && curl -fs -o /dev/null -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
      "http://127.0.0.1:$port/v2/bench/$c-xmx/manifests/v1"; then
    heap[$c]=PASS heap_r[$c]=$(rate "$bytes" "$elapsed") heap_s[$c]=$elapsed
  else
    echo "-Xmx64m push of ($c) failed:" >&2
    tail -n 20 "$log" >&2
    heap[$c]=FAIL heap_r[$c]=- heap_s[$c]=-
  fi
done

echo "Small heap (-Xmx64m), --push-only of (a) and (b) together..."
both_bytes=$((single_bytes + multi_bytes))
reset_registry
prepare "$work/registry-a" "$work/registry-b"
if java_opts="-Xmx64m" timed mk_push_only "$work" "bench/both-xmx:v1" -f "$both_kitfile"; then
  both=PASS both_r=$(rate "$both_bytes" "$elapsed") both_s=$elapsed
else
  echo "-Xmx64m --push-only of (a)+(b) failed:" >&2
  tail -n 20 "$log" >&2
  both=FAIL both_r=- both_s=-
fi

# --- report --------------------------------------------------------------------------------------

declare -A sec=() gbs=()
for k in "${!t[@]}"; do
  # shellcheck disable=SC2086 # the runs are space-separated on purpose
  sec[$k]=$(median ${t[$k]})
  case "$k" in *-a-*) bytes=$single_bytes ;; *) bytes=$multi_bytes ;; esac
  gbs[$k]=$(rate "$bytes" "${sec[$k]}")
done

row() { # label key-a key-b
  local sa="-" ra="-" sb="-" rb="-"
  if [ -n "${sec[$2]-}" ]; then sa=$(printf '%.2f' "${sec[$2]}"); ra=${gbs[$2]}; fi
  if [ -n "${sec[$3]-}" ]; then sb=$(printf '%.2f' "${sec[$3]}"); rb=${gbs[$3]}; fi
  printf '%-38s %8s %7s   %8s %7s   %7s\n' "$1" "$sa" "$ra" "$sb" "$rb" "$(ratio "$rb" "$ra")"
}
ratio_row() { # label key-a-num key-a-den key-b-num key-b-den
  printf '%-38s %8s %7s   %8s %7s\n' "$1" "" "$(ratio "${gbs[$2]-"-"}" "${gbs[$3]-"-"}")" \
    "" "$(ratio "${gbs[$4]-"-"}" "${gbs[$5]-"-"}")"
}
header() {
  line
  printf '%-38s %16s   %16s   %7s\n' "$1" "(a) 1 x $(size_label "$single_bytes")" \
    "(b) $parts x $(size_label "$part_bytes")" "(b)/(a)"
  printf '%-38s %8s %7s   %8s %7s   %7s\n' "" "s" "GB/s" "s" "GB/s" "rate"
  line
}

echo
echo "ModelKit registry benchmark (push and pull on loopback)"
echo "  $version; $(java -version 2>&1 | head -n 1); $(nproc) CPUs; $(uname -sr)"
echo "  ${registry_version:-docker-registry}; $(skopeo --version); $(curl --version | head -n 1 | cut -d' ' -f1-2)"
echo "  median of $runs run(s) per case; 1 GB = 1e9 bytes; rate = model bytes / wall time (JVM start included)"
echo "  every timed push into an empty registry; pulls into an empty store; inputs warm in the page cache"
[ "$scale" -eq 1 ] || echo "  --quick: every size divided by $scale"
header "push"
row "modelkit push, from the local store" push-a-store push-b-store
row "modelkit push, from an oci: layout" push-a-oci push-b-oci
row "modelkit pack --push-only (files)" push-a-po push-b-po
row "skopeo copy oci: docker://" push-a-skopeo push-b-skopeo
row "curl -T, one monolithic PUT" push-a-curl push-b-curl
ratio_row "modelkit (store) / skopeo" push-a-store push-a-skopeo push-b-store push-b-skopeo
ratio_row "modelkit (oci:) / skopeo" push-a-oci push-a-skopeo push-b-oci push-b-skopeo
ratio_row "modelkit (store) / curl" push-a-store push-a-curl push-b-store push-b-curl
ratio_row "pack --push-only / skopeo push" push-a-po push-a-skopeo push-b-po push-b-skopeo
header "pull"
row "modelkit pull, into the local store" pull-a-mk pull-b-mk
row "skopeo copy docker:// oci:" pull-a-skopeo pull-b-skopeo
row "curl -o /dev/null, the blob" pull-a-curl pull-b-curl
ratio_row "modelkit / skopeo" pull-a-mk pull-a-skopeo pull-b-mk pull-b-skopeo
ratio_row "modelkit / curl" pull-a-mk pull-a-curl pull-b-mk pull-b-curl
line
for c in a b; do
  printf '%-38s %s  %s sent, %s blobs pushed, %s already there  (%s s)\n' "($c) re-push, unchanged" \
    "${re[$c]}" "${re_sent[$c]}" "${re_blobs[$c]}" "${re_skipped[$c]}" "${re_s[$c]}"
done
for c in a b; do
  printf '%-38s %s  %s GB/s  (%s s)\n' "($c) push, MODELKIT_JAVA_OPTS=-Xmx64m" "${heap[$c]}" "${heap_r[$c]}" "${heap_s[$c]}"
done
printf '%-38s %s  %s GB/s  (%s s), nothing left in MODELKIT_HOME\n' \
  "(a)+(b) $(size_label "$both_bytes") --push-only, -Xmx64m" "$both" "$both_r" "$both_s"
line
if $keep; then echo "Inputs kept in ${inputs[*]} (reused by the next run)."; fi
[ "${re[a]}${re[b]}${heap[a]}${heap[b]}$both" = PASSPASSPASSPASSPASS ]
