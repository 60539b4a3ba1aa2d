#!/usr/bin/env bash
# Starts the API itself (Release build, a temporary SQLite file, a free loopback port), waits for /health/ready, takes
# the bootstrap admin key from the console output (as .ci/run does), runs tests/interop/served/run.sh against it and
# stops the server. One call for CI:  tests/interop/served/ci.sh
#   OBI_SKIP_BUILD=1  reuse src/OpenBadgesIssuer.Api/bin/Release/net10.0 as built (e.g. by the solution's test run)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

bin="$repo/src/OpenBadgesIssuer.Api/bin/Release/net10.0"
if [[ "${OBI_SKIP_BUILD:-}" != 1 || ! -f "$bin/OpenBadgesIssuer.Api.dll" ]]; then
  dotnet build src/OpenBadgesIssuer.Api -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; echo "interop-served: build failed" >&2; exit 2; }
fi

port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (echo >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[[ -n "$port" ]] || { echo "interop-served: no free port" >&2; exit 2; }

# A throwaway key-encryption key and database: nothing is written next to the binaries.
kek=$(head -c 32 /dev/urandom | base64)
(cd "$bin" && Database__Provider=Sqlite Database__ConnectionString="Data Source=$work/served.db" \
  Signing__KeyEncryptionKey="$kek" ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet OpenBadgesIssuer.Api.dll) \
  >"$work/server.log" 2>&1 &
server_pid=$!
ready=0
for _ in $(seq 1 90); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 1
done
key=$(grep -o 'obi_live_[0-9a-z]\{16\}_[0-9a-z]\{52\}' "$work/server.log" | head -1 || true)
if [[ $ready -ne 1 || -z "$key" ]]; then
  cat "$work/server.log"
  echo "interop-served: the server did not start (ready=$ready, key found: $([[ -n "$key" ]] && echo yes || echo no))" >&2
  exit 2
fi

"$here/run.sh" "http://127.0.0.1:$port" "$key"
status=$?
if [[ $status -ne 0 ]]; then
  echo "---- server log ----"
  grep -v 'obi_live_' "$work/server.log" | tail -50
fi
exit $status
