#!/usr/bin/env bash
# Verify benchmark: how fast `modelkit verify` checks a ModelKit in a registry (every blob hashed as
# it streams, plus the signed provenance), next to `curl <blob> | sha256sum` (download and hash, the
# same work by standard tools) and `curl -o /dev/null` (the registry's own rate).
#
#   bench/verify.sh [--runs N] [--keep] [--quick]
#
#   --runs N   timed runs per case, the median is reported (default 3)
#   --keep     keep the random input under bench/work/ (reused by the next run)
#   --quick    a 128 MiB model instead of 2 GiB, to check the script itself
#
# One 2 GiB random file is packed (uncompressed), pushed to Debian's docker-registry started on a
# free 127.0.0.1 port, and attested with a key made for the run; then each case runs N times with
# the registry's blob warm in the page cache. The goal is 0.8 GB/s for `modelkit verify`.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=verify.sh
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_options "$@"
require_tools "Debian: apt-get install docker-registry curl" docker-registry curl sha256sum

cd "$root"
work=bench/work
mkdir -p "$work"
modelkit="$root/modelkit"
log="$work/verify-last-command.log"
reg="$work/verify-registry"
storage="$root/$reg/storage"
home="$root/$work/verify-home"
input="$work/verify-a"
outputs=("$reg" "$home" "$log")
bytes=$((2048 * (1 << 20) / scale))
reg_pid=""
port=""


cleanup() {
  stop_registry
  rm -rf "${outputs[@]}"
  if ! $keep; then rm -rf "$input"; fi
  rmdir "$work" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mk() { MODELKIT_HOME="$home" "$modelkit" "$@"; }

echo "Building or checking the modelkit CLI..."
version="$("$modelkit" --version | head -n 1)"
mkdir -p "$input"
random_file "$input/model.bin" "$bytes"
printf 'manifestVersion: 1.0.0\npackage:\n  name: bench-verify\nmodel:\n  name: weights\n  path: model.bin\n' >"$input/Kitfile"

echo "Starting docker-registry, packing, pushing and attesting..."
start_registry
ref="127.0.0.1:$port/bench/verify:v1"
rm -rf "$home"
must mk pack "$input" --compression none -t "$ref" --push --plain-http
must mk keygen --output-key-prefix "$home/bench" --force
must mk attest "$ref" -r --key "$home/bench.key" --plain-http
layer=$(curl -fsS -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://127.0.0.1:$port/v2/bench/verify/manifests/v1" |
  tr ',' '\n' | grep -o 'sha256:[0-9a-f]\{64\}' | tail -n 1)
[ -n "$layer" ] || { echo "verify.sh: cannot find the model layer in the manifest" >&2; exit 1; }

verify_mk() { mk verify "$ref" -r --key "$home/bench.pub" --plain-http; }
verify_curl() { curl -fsS "http://127.0.0.1:$port/v2/bench/verify/blobs/$layer" | sha256sum | grep -q "${layer#sha256:}"; }
fetch_curl() { curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/bench/verify/blobs/$layer"; }

declare -A t=()
for run in $(seq 1 "$runs"); do
  echo "Run $run of $runs..."
  sync; cat "$storage"/docker/registry/v2/blobs/sha256/*/*/data >/dev/null
  must verify_mk; t[mk]="${t[mk]-} $elapsed"
  must verify_curl; t[sum]="${t[sum]-} $elapsed"
  must fetch_curl; t[get]="${t[get]-} $elapsed"
done

declare -A sec=() gbs=()
for k in mk sum get; do
  # shellcheck disable=SC2086
  sec[$k]=$(median ${t[$k]})
  gbs[$k]=$(rate "$bytes" "${sec[$k]}")
done
goal=$(awk -v r="${gbs[mk]}" 'BEGIN { print (r >= 0.8) ? "PASS" : "NOT MET" }')

echo
echo "ModelKit verify benchmark (one $(size_label "$bytes") layer in a registry on loopback)"
echo "  $version; $(java -version 2>&1 | head -n 1); $(nproc) CPUs; median of $runs run(s); JVM start included"
line
printf '%-52s %8s %8s\n' "" "s" "GB/s"
printf '%-52s %8.2f %8s\n' "modelkit verify -r (blobs hashed, signatures checked)" "${sec[mk]}" "${gbs[mk]}"
printf '%-52s %8.2f %8s\n' "curl blob | sha256sum" "${sec[sum]}" "${gbs[sum]}"
printf '%-52s %8.2f %8s\n' "curl -o /dev/null (the registry's rate)" "${sec[get]}" "${gbs[get]}"
printf '%-52s %8s %8s\n' "modelkit / (curl | sha256sum)" "" "$(ratio "${gbs[mk]}" "${gbs[sum]}")"
printf '%-52s %8s %8s\n' "goal: modelkit verify >= 0.8 GB/s" "" "$goal"
line
if $keep; then echo "Input kept in $input (reused by the next run)."; fi
