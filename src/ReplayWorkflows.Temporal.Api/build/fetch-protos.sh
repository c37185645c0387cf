#!/usr/bin/env bash
# Fetches Temporal's API protos from a pinned npm package into an ignored folder, once.
# Usage: fetch-protos.sh <npm-package@version> <destination-dir>
set -euo pipefail
pkg="$1"; dest="$2"
if ! command -v npm >/dev/null 2>&1; then
  echo "error RW0001: npm is required to fetch Temporal's protos ($pkg): install Node.js 20 or later (apt-get install nodejs npm)" >&2
  exit 1
fi
[ -f "$dest/.complete" ] && exit 0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack "$pkg" --silent >/dev/null 2>"$tmp/npm.err" ) || {
  echo "error RW0002: could not download $pkg with npm pack: $(tail -n 3 "$tmp/npm.err" | tr '\n' ' ')" >&2; exit 1; }
tgz="$(ls "$tmp"/*.tgz)"
mkdir -p "$tmp/x"
protos='package/sdk-core/crates/protos/protos'
tar -xzf "$tgz" -C "$tmp/x" --wildcards "$protos/api_upstream/*" "$protos/google/rpc/status.proto"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest.partial"
mkdir -p "$dest.partial/sdk"
mv "$tmp/x/$protos/api_upstream" "$dest.partial/api_upstream"
# The official .NET SDK exposes google.rpc.Status as Temporalio.Api.Common.V1.GrpcStatus (RpcException.GrpcStatus).
# Derive that message from the package's status.proto: same fields and wire format, under the SDK's name.
sed -e 's/^package google\.rpc;/package temporal.api.common.v1;\noption csharp_namespace = "Temporalio.Api.Common.V1";/' \
    -e 's/^message Status {/message GrpcStatus {/' \
    "$tmp/x/$protos/google/rpc/status.proto" > "$dest.partial/sdk/grpc_status.proto"
grep -q '^message GrpcStatus {' "$dest.partial/sdk/grpc_status.proto" || {
  echo "error RW0003: $pkg's google/rpc/status.proto no longer has the expected shape" >&2; exit 1; }
touch "$dest.partial/.complete"
# Another build may have won the race; either copy is identical.
if [ -d "$dest" ]; then rm -rf "$dest.partial"; else mv "$dest.partial" "$dest"; fi
