#!/usr/bin/env bash
# Promotion benchmark: how fast `modelkit promote` moves a 2 GiB single-layer ModelKit between stages,
# next to skopeo (an independent OCI client) and to curl putting the same blob in one request.
#
#   bench/promote.sh [--runs N] [--keep] [--quick]
#
#   --runs N   timed runs per case, the median is reported (default 3)
#   --keep     keep the random input file under bench/work/ (reused by the next run)
#   --quick    the model divided by 16, to check the script itself in seconds
#
# Two docker-registry instances on 127.0.0.1 (A and B), started by this script and stopped when it ends.
# The ModelKit (one 2 GiB layer from /dev/urandom, --compression none) is pushed once to A as dev/m:1.
#   (a) within registry A: modelkit promote dev/m:1 --to staging (a gate with a manifest-level registry
#       rule, referrer copy, the record) into a new repository per run, vs skopeo copy
#       docker://A/dev/m:1 docker://A/skopeo-N/m:1 (which mounts). Bytes moved = growth of A's storage.
#   (b) from A to registry B: modelkit promote dev/m:1 --to prod vs skopeo copy A -> B vs the raw upload
#       rate of B (curl: one POST, one monolithic PUT of the same blob). B is emptied before every run.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=promote.sh
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_options "$@"
require_tools "Debian: apt-get install docker-registry skopeo curl" docker-registry skopeo curl du

cd "$root"
work=bench/work
mkdir -p "$work"
modelkit="$root/modelkit"
log="$work/promote-last-command.log"
input="$work/promote-input"
layout="$work/promote-layout"
home="$root/$work/promote-home"
skopeo_home="$root/$work/promote-skopeo-home"   # skopeo's blob cache would otherwise skip known blobs
regs="$root/$work/promote-registries"
outputs=("$layout" "$home" "$skopeo_home" "$regs" "$log")


model_bytes=$((2048 * (1 << 20) / scale))

# Two registries: start_registry/stop_registry of lib.sh work on $reg, $storage, $port and $reg_pid.
a_port="" a_pid="" b_port="" b_pid=""
reg_pid="" port=""
start_a() { reg="$regs/a" storage="$regs/a/storage" port="$a_port"; start_registry; a_port=$port a_pid=$reg_pid; }
start_b() { reg="$regs/b" storage="$regs/b/storage" port="$b_port"; start_registry; b_port=$port b_pid=$reg_pid; }
stop_a() { reg_pid=$a_pid; stop_registry; a_pid=""; }
stop_b() { reg_pid=$b_pid; stop_registry; b_pid=""; }
reset_b() { stop_b; rm -rf "$regs/b/storage"; start_b; }

cleanup() {
  stop_a
  stop_b
  rm -rf "${outputs[@]}"
  if ! $keep; then rm -rf "$input"; fi
  rmdir "$work" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mk() { MODELKIT_HOME="$home" "$modelkit" "$@"; }

stages_for() { # run -> the stages file of that run: staging and prod are new repositories every run
  local file="$regs/stages-$1.yaml"
  cat >"$file" <<EOF
version: 1
stages:
  - name: dev
    repository: 127.0.0.1:$a_port/dev/m
  - name: staging
    repository: 127.0.0.1:$a_port/staging-$1/m
    policy: gate.yaml
    from: dev
  - name: prod
    repository: 127.0.0.1:$b_port/prod-$1/m
    policy: gate.yaml
    from: dev
EOF
  echo "$file"
}

promote() { # stage run
  mk promote "127.0.0.1:$a_port/dev/m:1" --to "$1" --stages "$(stages_for "$2")" --plain-http
}

skopeo_copy() { # source destination
  HOME="$skopeo_home" skopeo copy --src-tls-verify=false --dest-tls-verify=false "docker://$1" "docker://$2"
}

warm() { # bytes the next run reads into the page cache, after the last run's writes are flushed
  sync
  find "$@" -type f -exec cat {} + >/dev/null
}

# --- setup -----------------------------------------------------------------------------------------

echo "Building or checking the modelkit CLI..."
version="$("$modelkit" --version | head -n 1)"
need=$((model_bytes * 5 + 512 * (1 << 20)))
free=$(( $(df -Pk "$work" | awk 'NR == 2 { print $4 }') * 1024 ))
if [ "$free" -lt "$need" ]; then
  echo "promote.sh: needs $(size_label "$need") free under $work, has $(size_label "$free")" >&2
  exit 1
fi
mkdir -p "$input" "$regs"
random_file "$input/model.bin" "$model_bytes"
cat >"$input/Kitfile" <<'EOF'
manifestVersion: 1.0.0
package:
  name: bench-promote
  version: 1.0.0
model:
  name: single
  path: model.bin
EOF
# manifest-level only: the registry rule looks at the target tag, nothing reads the 2 GiB layer
cat >"$regs/gate.yaml" <<'EOF'
version: 1
rules:
  - name: no-overwrite
    kind: registry
EOF

echo "Packing and pushing dev/m:1 to registry A..."
rm -rf "$layout" "$home"
must mk pack "$input" --compression none -t "oci:$layout:v1"
blob=$(largest_blob_of "$layout")
digest="sha256:$(basename "$blob")"
[ "$(stat -c %s "$blob")" -gt "$model_bytes" ] || { echo "promote.sh: no data layer in $layout" >&2; exit 1; }
start_a
start_b
must mk push "oci:$layout:v1" "127.0.0.1:$a_port/dev/m:1" --plain-http
echo "  A on 127.0.0.1:$a_port, B on 127.0.0.1:$b_port"

declare -A t=() moved=()
add() { t[$1]="${t[$1]-} $elapsed"; }

for run in $(seq 1 "$runs"); do
  echo "Run $run of $runs..."
  # (a) within A
  warm "$regs/a/storage"; before=$(storage_bytes "$regs/a/storage")
  must promote staging "$run"; add same-mk
  moved[same-mk]="${moved[same-mk]-} $(( $(storage_bytes "$regs/a/storage") - before ))"
  grep -q "record sha256:" "$log" || { echo "promote.sh: no record written:" >&2; cat "$log" >&2; exit 1; }
  rm -rf "$skopeo_home"; mkdir -p "$skopeo_home"
  warm "$regs/a/storage"; before=$(storage_bytes "$regs/a/storage")
  must skopeo_copy "127.0.0.1:$a_port/dev/m:1" "127.0.0.1:$a_port/skopeo-$run/m:1"; add same-skopeo
  moved[same-skopeo]="${moved[same-skopeo]-} $(( $(storage_bytes "$regs/a/storage") - before ))"
  # (b) A -> B, B empty every time
  reset_b; warm "$regs/a/storage"
  must promote prod "$run"; add cross-mk
  moved[cross-mk]="${moved[cross-mk]-} $(storage_bytes "$regs/b/storage")"
  reset_b; rm -rf "$skopeo_home"; mkdir -p "$skopeo_home"; warm "$regs/a/storage"
  must skopeo_copy "127.0.0.1:$a_port/dev/m:1" "127.0.0.1:$b_port/prod-$run/m:1"; add cross-skopeo
  moved[cross-skopeo]="${moved[cross-skopeo]-} $(storage_bytes "$regs/b/storage")"
  reset_b; warm "$blob"
  must monolithic_put "$b_port" "$blob" "$digest" "raw-$run/m"; add cross-curl
  moved[cross-curl]="${moved[cross-curl]-} $(storage_bytes "$regs/b/storage")"
done

# --- report ----------------------------------------------------------------------------------------

declare -A sec=() gbs=() bytes=()
for k in "${!t[@]}"; do
  # shellcheck disable=SC2086 # the runs are space-separated on purpose
  sec[$k]=$(median ${t[$k]})
  # shellcheck disable=SC2086
  bytes[$k]=$(median ${moved[$k]} | cut -d. -f1)
  gbs[$k]=$(rate "$model_bytes" "${sec[$k]}")
done
row() { # label key
  printf '%-52s %8.3f %8s   %14s\n' "$1" "${sec[$2]}" "${gbs[$2]}" "${bytes[$2]}"
}

echo
echo "ModelKit promotion benchmark ($(size_label "$model_bytes"), one layer)"
echo "  $version; $(java -version 2>&1 | head -n 1); $(nproc) CPUs; $(uname -sr)"
echo "  $(docker-registry --version 2>/dev/null | head -n 1); $(skopeo --version)"
echo "  median of $runs run(s); 1 GB = 1e9 bytes; GB/s = model bytes / wall time (JVM start included)"
echo "  bytes stored = growth of the target registry's storage during the run (blobs, manifests, links)"
[ "$scale" -eq 1 ] || echo "  --quick: the model divided by $scale"
line
printf '%-52s %8s %8s   %14s\n' "" "s" "GB/s" "bytes stored"
line
row "(a) modelkit promote dev -> staging (same registry)" same-mk
row "(a) skopeo copy dev -> other repo (same registry)" same-skopeo
printf '%-52s %8s\n' "(a) modelkit / skopeo, time" "$(ratio "${sec[same-mk]}" "${sec[same-skopeo]}")"
row "(b) modelkit promote dev -> prod (registry B)" cross-mk
row "(b) skopeo copy A -> B" cross-skopeo
row "(b) curl, one monolithic PUT of the blob to B" cross-curl
printf '%-52s %8s\n' "(b) modelkit / skopeo, rate" "$(ratio "${gbs[cross-mk]}" "${gbs[cross-skopeo]}")"
printf '%-52s %8s\n' "(b) modelkit / raw upload (curl), rate" "$(ratio "${gbs[cross-mk]}" "${gbs[cross-curl]}")"
line
if $keep; then echo "Input kept in $input (reused by the next run)."; fi
