#!/usr/bin/env bash
# Creates an issuer profile on a running OpenBadgesIssuer, fetches it back and prints it.
#   OBI_URL      base URL of the service (default http://localhost:5080)
#   OBI_API_KEY  an API key with issuers:write and issuers:read (the bootstrap key printed on first start has all scopes)
# Exits non-zero on any unexpected HTTP status. Needs only bash and curl.
set -euo pipefail

url=${OBI_URL:-http://localhost:5080}
key=${OBI_API_KEY:?set OBI_API_KEY to an API key (the first start prints one)}
body=$(mktemp)
headers=$(mktemp)
trap 'rm -f "$body" "$headers"' EXIT

# call EXPECTED_STATUS curl-arguments...
call() {
  local expected=$1 status
  shift
  status=$(curl -sS -o "$body" -D "$headers" -w '%{http_code}' -H "Authorization: Bearer $key" "$@")
  if [ "$status" != "$expected" ]; then
    echo "quickstart: expected HTTP $expected, got $status for $*" >&2
    cat "$body" >&2
    echo >&2
    exit 1
  fi
}

echo "1. Create an issuer profile"
call 201 -X POST "$url/v1/issuers" -H 'Content-Type: application/json' --data-binary @- <<'JSON'
{
  "name": "Springfield School District",
  "url": "https://district.example.org",
  "email": "badges@district.example.org",
  "description": "Professional-development badges for our teachers.",
  "phone": "+15555550100",
  "address": { "addressLocality": "Springfield", "addressRegion": "IL", "addressCountryCode": "US" }
}
JSON
id=$(sed -n 's/.*"id":"\(iss_[0-9A-Z]*\)".*/\1/p' "$body")
if [ -z "$id" ]; then
  echo "quickstart: no issuer id in the response" >&2
  cat "$body" >&2
  exit 1
fi
echo "   created $id"

echo "2. Fetch it"
call 200 "$url/v1/issuers/$id"
etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p' "$headers")
echo "   ETag $etag"
cat "$body"
echo
