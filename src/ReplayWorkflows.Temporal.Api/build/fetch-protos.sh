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
tar -xzf "$tgz" -C "$tmp/x" --wildcards 'package/sdk-core/crates/protos/protos/api_upstream/*'
mkdir -p "$(dirname "$dest")"
rm -rf "$dest.partial"
mkdir -p "$dest.partial"
mv "$tmp/x/package/sdk-core/crates/protos/protos/api_upstream" "$dest.partial/api_upstream"
touch "$dest.partial/.complete"
# Another build may have won the race; either copy is identical.
if [ -d "$dest" ]; then rm -rf "$dest.partial"; else mv "$dest.partial" "$dest"; fi
