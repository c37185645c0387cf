#!/usr/bin/env bash
# Installs what the tests need (idempotently) and runs every test in the solution.
# Needs: the .NET 10 SDK and Node.js 20+ with npm. Installs FFmpeg and PostgreSQL from Debian packages if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

log() { printf '==> %s\n' "$*"; }

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }

# System packages the tests drive for real: FFmpeg (media), PostgreSQL server (data plane), Node.js (TS SDK, s3rver).
missing=()
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (Debian packages)"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Pinned npm tools (lockfile committed): Temporal's TypeScript SDK, s3rver, hls-parser, smpte-timecode.
if ! (cd tests/node && npm ls --silent >/dev/null 2>&1); then
  log "installing pinned npm test tools (tests/node)"
  # npm ci would refuse the lockfile: the registry mirror lacks other platforms' optional binaries (@swc/core-*).
  # npm install --no-save installs the locked versions and leaves the lockfile as committed.
  (cd tests/node && npm install --no-save --no-audit --no-fund --loglevel=error)
fi

config="${CONFIGURATION:-Release}"
log "building ReplayWorkflows.sln ($config)"
dotnet build ReplayWorkflows.sln -c "$config" -nologo -clp:ErrorsOnly

log "running every test"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
set +e
dotnet test ReplayWorkflows.sln -c "$config" --no-build -nologo "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e

# One closing line summing every test assembly: "total: N passed, N failed, N skipped".
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { gsub(",", "", $(i+1)); f += $(i+1) }
      if ($i == "Passed:")  { gsub(",", "", $(i+1)); p += $(i+1) }
      if ($i == "Skipped:") { gsub(",", "", $(i+1)); s += $(i+1) }
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$out")
echo
echo "total: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  echo "tests failed (dotnet test exit code $status)" >&2
  exit 1
fi
