#!/usr/bin/env bash
# A school district awards a teacher micro-credential, end to end, with curl:
#   1. create the issuer profile (the district),
#   2. create a micro-credential badge class with a rubric (criteria × levels), alignments, credit hours and the
#      PNG image next to this script (samples/district-badge.png, made by samples/make-badge-png.py),
#   3. award it to a teacher with two evidence items and the rubric results,
#   4. print the verification links and fetch each one, checking the HTTP status and the media type.
#
#   OBI_URL              base URL of the service (default http://localhost:5080)
#   OBI_API_KEY          an API key with issuers:write, badges:write, assertions:issue and issuers:read
#                        (the admin key printed on first start has all scopes)
#   OBI_WALKTHROUGH_OUT  optional folder: the issuer, badge class and assertion responses are saved there as JSON
#                        (issuer.json, badge-class.json, assertion.json) for other tools (tests/interop/served uses it)
#
# Needs bash, curl and base64; uses jq when installed, else python3. Exits non-zero on any unexpected status or type.
set -euo pipefail

url=${OBI_URL:-http://localhost:5080}
url=${url%/}
key=${OBI_API_KEY:?set OBI_API_KEY to an API key (the first start prints one)}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
image="$here/district-badge.png"
out=${OBI_WALKTHROUGH_OUT:-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
body="$work/body"
headers="$work/headers"

fail() {
  echo "walkthrough: $*" >&2
  exit 1
}

# field FILE PATH — one value from a JSON file; PATH is dotted (links.ob3, id). jq when present, else python3.
if command -v jq >/dev/null 2>&1; then
  field() { jq -er ".$2 // empty" "$1" 2>/dev/null || true; }
else
  command -v python3 >/dev/null 2>&1 || fail "needs jq or python3 to read JSON"
  field() {
    python3 - "$1" "$2" <<'PY' || true
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))
for part in sys.argv[2].split("."):
    value = value.get(part) if isinstance(value, dict) else None
if value is not None:
    print(value if isinstance(value, str) else json.dumps(value))
PY
  }
fi

# call EXPECTED_STATUS curl-arguments... — an authenticated API call; the response lands in $body.
call() {
  local expected=$1 status
  shift
  status=$(curl -sS -o "$body" -D "$headers" -w '%{http_code}' -H "Authorization: Bearer $key" "$@") \
    || fail "curl failed for $*"
  if [ "$status" != "$expected" ]; then
    echo "walkthrough: expected HTTP $expected, got $status for $*" >&2
    cat "$body" >&2
    echo >&2
    exit 1
  fi
}

save() {
  if [ -n "$out" ]; then
    mkdir -p "$out"
    cp "$body" "$out/$1"
  fi
}

[ -f "$image" ] || fail "missing $image (run samples/make-badge-png.py)"

echo "1. Create the district's issuer profile"
call 201 -X POST "$url/v1/issuers" -H 'Content-Type: application/json' --data-binary @- <<'JSON'
{
  "name": "Riverside Unified School District",
  "url": "https://riverside-usd.example.org",
  "email": "pd-badges@riverside-usd.example.org",
  "description": "Professional learning micro-credentials for Riverside teachers.",
  "official": "Dr. Ana Ortiz, Director of Professional Learning",
  "phone": "+15555550142",
  "address": { "addressLocality": "Riverside", "addressRegion": "CA", "addressCountryCode": "US" }
}
JSON
issuer_id=$(field "$body" id)
[ -n "$issuer_id" ] || fail "no issuer id in the response: $(cat "$body")"
save issuer.json
echo "   issuer $issuer_id"

echo "2. Create the micro-credential (rubric, alignments, credits, PNG image)"
image_b64=$(base64 <"$image" | tr -d '\n')
cat >"$work/badge-class.json" <<JSON
{
  "name": "Formative Assessment in Mathematics",
  "description": "The teacher plans, uses and acts on formative assessment in a secondary mathematics classroom.",
  "criteria": {
    "narrative": "Submit a lesson plan with planned checks for understanding and a reflection on two student work samples, scored with the rubric below. **Proficient** or better is required on every criterion."
  },
  "image": { "data": "$image_b64", "mediaType": "image/png" },
  "achievementType": "MicroCredential",
  "competency": "Uses formative assessment to adjust mathematics instruction.",
  "keyMethod": "Planned checks for understanding with feedback loops (Black & Wiliam, 1998).",
  "evidenceRequired": [
    "A lesson plan with at least three planned checks for understanding.",
    "A written reflection on two samples of student work and the instructional decision each led to."
  ],
  "rubric": [
    {
      "key": "planning", "name": "Planning checks for understanding",
      "description": "Checks are aligned to the learning goal and placed at decision points.",
      "levels": [
        { "key": "emerging", "name": "Emerging", "points": "1" },
        { "key": "proficient", "name": "Proficient", "points": "2" },
        { "key": "exemplary", "name": "Exemplary", "points": "3" }
      ],
      "requiredLevel": "proficient"
    },
    {
      "key": "feedback", "name": "Acting on evidence",
      "description": "Instruction changes in response to what the checks revealed.",
      "levels": [
        { "key": "emerging", "name": "Emerging", "points": "1" },
        { "key": "proficient", "name": "Proficient", "points": "2" },
        { "key": "exemplary", "name": "Exemplary", "points": "3" }
      ],
      "requiredLevel": "proficient"
    }
  ],
  "creditsAvailable": 15,
  "alignments": [
    {
      "targetName": "InTASC Standard 6: Assessment",
      "targetUrl": "https://ccsso.org/resource-library/intasc-model-core-teaching-standards",
      "targetFramework": "InTASC Model Core Teaching Standards",
      "targetCode": "6"
    },
    {
      "targetName": "CCSS.MATH.PRACTICE.MP3",
      "targetUrl": "https://www.thecorestandards.org/Math/Practice/MP3/",
      "targetFramework": "Common Core State Standards for Mathematics",
      "targetCode": "MP3"
    }
  ],
  "tags": ["formative assessment", "mathematics", "secondary"],
  "fieldOfStudy": "Mathematics Education",
  "validityMonths": 60
}
JSON
call 201 -X POST "$url/v1/issuers/$issuer_id/badge-classes" -H 'Content-Type: application/json' --data-binary @"$work/badge-class.json"
badge_class_id=$(field "$body" id)
[ -n "$badge_class_id" ] || fail "no badge class id in the response: $(cat "$body")"
save badge-class.json
echo "   badge class $badge_class_id (image $(field "$body" image))"

echo "3. Award it to a teacher with evidence and rubric results"
call 201 -X POST "$url/v1/badge-classes/$badge_class_id/assertions" -H 'Content-Type: application/json' --data-binary @- <<'JSON'
{
  "recipient": { "identity": "maria.lopez@riverside-usd.example.org", "name": "Maria Lopez" },
  "evidence": [
    {
      "url": "https://portfolio.riverside-usd.example.org/mlopez/lesson-plan-fractions",
      "name": "Lesson plan: comparing fractions",
      "description": "Grade 7 lesson plan with four planned checks for understanding.",
      "genre": "Lesson plan",
      "audience": "Teacher evaluators"
    },
    {
      "narrative": "After exit tickets showed that a third of the class compared numerators only, I regrouped students the next day and used number lines; the second check showed 90% success.",
      "name": "Reflection on student work",
      "genre": "Reflection"
    }
  ],
  "results": [
    { "criterion": "planning", "level": "exemplary" },
    { "criterion": "feedback", "level": "proficient" }
  ],
  "creditsEarned": 15,
  "activityStartDate": "2026-09-01T00:00:00Z",
  "activityEndDate": "2026-10-15T00:00:00Z",
  "narrative": "Completed the formative assessment cycle in two Grade 7 classes."
}
JSON
assertion_id=$(field "$body" id)
[ -n "$assertion_id" ] || fail "no assertion id in the response: $(cat "$body")"
save assertion.json
cp "$body" "$work/assertion.json"
echo "   assertion $assertion_id"

echo "4. Verification links"
# name  expected media types (|-separated prefixes)
checks=(
  "ob2 application/ld+json"
  "ob2Signed text/plain|application/jose|application/jws"
  "ob3 application/vc+ld+json|application/vc|application/ld+json"
  "ob3Jwt application/vc+jwt|application/jwt|text/plain"
  "bakedPng image/png"
  "bakedSvg image/svg+xml"
  "html text/html"
)
# fetch NAME URL ACCEPTED-TYPES [curl-arguments...] — unauthenticated GET, must be 200 with one of the types.
fetch() {
  local name=$1 link=$2 accepted=$3 status type ok=0 t
  shift 3
  read -r status type < <(curl -sS -o "$work/$name" -w '%{http_code} %{content_type}\n' "$@" "$link") \
    || fail "curl failed for $link"
  IFS='|' read -r -a types <<<"$accepted"
  for t in "${types[@]}"; do
    case "$type" in "$t"|"$t;"*) ok=1 ;; esac
  done
  [ "$status" = 200 ] || fail "$name: expected HTTP 200, got $status from $link"
  [ "$ok" = 1 ] || fail "$name: unexpected media type '$type' from $link (expected $accepted)"
  [ -s "$work/$name" ] || fail "$name: empty body from $link"
  printf '   %-10s %s  (%s, %s bytes)\n' "$name" "$link" "$type" "$(wc -c <"$work/$name" | tr -d ' ')"
}

for check in "${checks[@]}"; do
  name=${check%% *}
  link=$(field "$work/assertion.json" "links.$name")
  [ -n "$link" ] || fail "the assertion has no links.$name"
  fetch "$name" "$link" "${check#* }"
done

echo "5. Content checks"
# The OB 2.0 URL also answers a browser with the page (content negotiation), and ?version=2 gives the OB 2.0 bakes.
fetch ob2-as-html "$(field "$work/assertion.json" links.ob2)" "text/html" -H 'Accept: text/html'
fetch bakedPng-v2 "$(field "$work/assertion.json" links.bakedPng)?version=2" "image/png"
fetch bakedSvg-v2 "$(field "$work/assertion.json" links.bakedSvg)?version=2" "image/svg+xml"
[ "$(head -c 8 "$work/bakedPng" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "bakedPng is not a PNG"
grep -q 'openbadgecredential' "$work/bakedPng" || fail "bakedPng carries no openbadgecredential chunk"
grep -q 'openbadges:credential' "$work/bakedSvg" || fail "bakedSvg carries no openbadges:credential element"
[ "$(tr -cd '.' <"$work/ob3Jwt" | wc -c | tr -d ' ')" = 2 ] || fail "ob3Jwt is not a compact JWS"
[ "$(tr -cd '.' <"$work/ob2Signed" | wc -c | tr -d ' ')" = 2 ] || fail "ob2Signed is not a compact JWS"
[ "$(field "$work/ob3" proof)" != "" ] || fail "ob3 has no proof"
[ "$(field "$work/ob2" id)" = "$(field "$work/assertion.json" links.ob2)" ] || fail "the OB 2.0 assertion id is not its URL"
grep -q 'Maria Lopez' "$work/html" || fail "the award page does not name the recipient"
grep -q 'Formative Assessment in Mathematics' "$work/html" || fail "the award page does not name the badge"
echo "   baked PNG/SVG carry the credential; JWTs are compact; ob3 has a proof; the page names badge and teacher"

echo
echo "Share these with the teacher:"
echo "   web page:            $(field "$work/assertion.json" links.html)"
echo "   OB 3.0 credential:   $(field "$work/assertion.json" links.ob3)"
echo "   OB 3.0 baked image:  $(field "$work/assertion.json" links.bakedPng)"
echo "walkthrough: passed"
