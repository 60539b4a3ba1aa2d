// Verifies the artifacts a running OpenBadgesIssuer serves for one award, with independent Node tools:
//   - ob3 (eddsa-rdfc-2022): @digitalbazaar/vc, the issuer's did:web resolved by fetching the DID document from our server;
//   - ob3Jwt: jose, key fetched from the `kid` URL on our server, plus the 1EdTech validator's VC-JWT rules;
//   - ob3 (and the JWT's credential): ajv (draft 2019-09) against the official OB 3.0 AchievementCredential schema;
//   - ob3: the Digital Credentials Consortium's @digitalcredentials/verifier-core.
// Each has a tampered twin that must be rejected. Offline: the only network peer is SERVER_URL; JSON-LD contexts come
// from $OBI_CONFORMANCE_SUITES/contexts and the schema from $OBI_SPEC_DIR/ob3/schema.
//   node verify-served.mjs SERVER_URL ASSERTION_JSON   (ASSERTION_JSON: the API's assertion response, with `links`)
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as jose from 'jose';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { here, suitesRoot, createDocumentLoader, pngITxt, Tally } from '../lib.mjs';

const [serverArg, assertionFile] = process.argv.slice(2);
if (!serverArg || !assertionFile) {
  console.error('usage: node verify-served.mjs SERVER_URL ASSERTION_JSON');
  process.exit(2);
}
const server = new URL(serverArg);
const assertion = JSON.parse(readFileSync(assertionFile, 'utf8'));
const links = assertion.links;
const tally = new Tally('served');

const specDir = resolve(process.env.OBI_SPEC_DIR?.trim() || join(here, '../../../shared/spec'));
const schemaDir = join(specDir, 'ob3', 'schema');
if (!existsSync(join(schemaDir, 'ob_v3p0_achievementcredential_schema.json'))) {
  console.error(`interop-served: OB 3.0 schemas not found under ${schemaDir} (set OBI_SPEC_DIR)`);
  process.exit(2);
}

// ---- The network guard: every fetch of this process goes through here. ----------------------------------------------
// Our server (http, and https on the same host:port, which is how did:web names it) is reached for real; context URLs
// are answered from the local suites folder; the 1EdTech schema URLs from the local spec folder; everything else fails.
const realFetch = globalThis.fetch;
const contextsRoot = join(suitesRoot(), 'contexts');
const contextFiles = JSON.parse(readFileSync(join(contextsRoot, 'contexts.json'), 'utf8'));
const schemaPrefix = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/';
const blocked = [];
const toOurServer = [];

function toServer(url) {
  const u = new URL(url);
  if (u.host !== server.host) return null;
  if (u.protocol !== server.protocol && u.protocol !== 'https:') return null;
  return new URL(u.pathname + u.search, server).href;
}

globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const local = toServer(url);
  if (local) {
    toOurServer.push(local);
    if (typeof input === 'object' && !(input instanceof URL)) {
      return realFetch(new Request(local, input), init);
    }
    return realFetch(local, init);
  }
  const bare = url.split('#')[0];
  if (contextFiles[bare]) {
    return new Response(readFileSync(join(contextsRoot, contextFiles[bare])), {
      status: 200, headers: { 'content-type': 'application/ld+json' },
    });
  }
  if (bare.startsWith(schemaPrefix) && /^[a-z0-9_]+\.json$/.test(bare.slice(schemaPrefix.length))) {
    const file = join(schemaDir, bare.slice(schemaPrefix.length));
    if (existsSync(file)) {
      return new Response(readFileSync(file), { status: 200, headers: { 'content-type': 'application/json' } });
    }
  }
  blocked.push(url);
  throw new TypeError(`offline: ${url} is neither our server nor a local context/schema`);
};

// ---- Fetching from our server ---------------------------------------------------------------------------------------
async function get(url, accept) {
  const response = await fetch(url, accept ? { headers: { accept } } : undefined);
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return { type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

/** did:web (DID Web method §3.2): did:web:host%3Aport:a:b → https://host:port/a/b/did.json, here answered by our server. */
function didWebUrl(did) {
  const parts = did.slice('did:web:'.length).split(':');
  const host = decodeURIComponent(parts[0]);
  const path = parts.length > 1 ? parts.slice(1).map(decodeURIComponent).join('/') : '.well-known';
  return `https://${host}/${path}/did.json`;
}

async function resolveDidWeb(did) {
  const { bytes } = await get(didWebUrl(did), 'application/did+json, application/json');
  const doc = JSON.parse(bytes.toString('utf8'));
  if (doc.id !== did) throw new Error(`DID document id ${doc.id} is not ${did}`);
  return doc;
}

/** The contexts loader of ../lib.mjs plus did:web documents and their verification methods, resolved via our server. */
function servedDocumentLoader() {
  const contexts = createDocumentLoader();
  return async (url) => {
    if (url.startsWith('did:web:')) {
      const [did, fragment] = url.split('#');
      const doc = await resolveDidWeb(did);
      if (!fragment) return { contextUrl: null, documentUrl: url, document: doc };
      const method = (doc.verificationMethod ?? []).find((m) => m.id === url || m.id === `#${fragment}`);
      if (!method) throw new Error(`${url} is not in the DID document`);
      const context = method.type === 'JsonWebKey' ? 'https://w3id.org/security/jwk/v1' : 'https://w3id.org/security/multikey/v1';
      return { contextUrl: null, documentUrl: url, document: { '@context': context, ...method } };
    }
    return contexts(url);
  };
}

const clone = (o) => structuredClone(o);
function tamper(credential) {
  const t = clone(credential);
  t.credentialSubject.achievement.name += ' (edited)';
  return t;
}

async function outcome(fn) {
  try {
    return { ok: true, detail: await fn() };
  } catch (error) {
    return { ok: false, detail: `${error.code ?? error.name}: ${error.message}` };
  }
}

async function check(name, fn, expectValid = true) {
  const r = await outcome(fn);
  if (expectValid) tally.check(name, r.ok, r.detail);
  else tally.check(name, !r.ok, r.ok ? `accepted (${r.detail}) but must be rejected` : `rejected as expected (${r.detail})`);
}

// ---- Fetch the served artifacts -----------------------------------------------------------------------------------
const ob3Served = await get(links.ob3, 'application/vc+ld+json, application/ld+json, application/json');
const ob3 = JSON.parse(ob3Served.bytes.toString('utf8'));
const jwt = (await get(links.ob3Jwt)).bytes.toString('ascii').trim();
const png = (await get(links.bakedPng)).bytes;

// ---- 1. Data Integrity with @digitalbazaar/vc, did:web resolved from our server -------------------------------------
async function verifyDi(credential) {
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  const result = await vc.verifyCredential({ credential, suite, documentLoader: servedDocumentLoader() });
  if (!result.verified) {
    const error = result.error?.errors?.[0] ?? result.error ?? result.results?.[0]?.error;
    throw new Error(String(error?.message ?? error ?? 'not verified'));
  }
  const proof = [].concat(credential.proof)[0];
  return `@digitalbazaar/vc eddsa-rdfc-2022 ok; ${proof.verificationMethod.split('#')[0]} resolved from ${didWebUrl(credential.issuer.id)} on our server`;
}
await check('ob3 DataIntegrityProof (@digitalbazaar/vc, did:web via our server)', () => verifyDi(ob3));
await check('ob3 tampered (achievement name edited)', () => verifyDi(tamper(ob3)), false);

// ---- 2. VC-JWT with jose and the 1EdTech validator's rules -----------------------------------------------------------
const allowedHeaders = new Set(['alg', 'kid', 'jwk', 'typ']);
async function verifyJwt(token) {
  const header = jose.decodeProtectedHeader(token);
  const problems = [];
  if (!['RS256', 'ES256'].includes(header.alg)) problems.push(`alg ${header.alg} is not RS256/ES256`);
  if (header.typ !== undefined && header.typ !== 'JWT') problems.push(`typ ${header.typ} is not JWT`);
  const extra = Object.keys(header).filter((k) => !allowedHeaders.has(k));
  if (extra.length) problems.push(`header members beyond alg/kid/jwk/typ: ${extra.join(',')}`);
  if (!header.kid && !header.jwk) problems.push('neither kid nor jwk');
  if (problems.length) throw new Error(problems.join('; '));
  let key;
  let keySource;
  if (header.kid) {
    if (!toServer(header.kid)) throw new Error(`kid ${header.kid} is not a URL on our server`);
    const served = await get(header.kid, 'application/jwk+json, application/json');
    const jwk = JSON.parse(served.bytes.toString('utf8'));
    if (jwk.d || jwk.p || jwk.q) throw new Error('the kid URL serves private key material');
    key = await jose.importJWK(jwk, header.alg);
    keySource = `kid ${header.kid} (${served.type})`;
  } else {
    key = await jose.importJWK(header.jwk, header.alg);
    keySource = 'embedded jwk';
  }
  const { payload } = await jose.jwtVerify(token, key, { algorithms: ['RS256', 'ES256'] });
  if (typeof payload.issuer !== 'object' || payload.issuer === null) problems.push('issuer is not an embedded Profile object');
  else if (![].concat(payload.issuer.type).includes('Profile')) problems.push('issuer.type lacks Profile');
  if (payload.iss !== payload.issuer?.id) problems.push(`iss ${payload.iss} != issuer.id ${payload.issuer?.id}`);
  if (payload.jti !== payload.id) problems.push(`jti ${payload.jti} != id ${payload.id}`);
  if (payload.nbf !== Math.floor(Date.parse(payload.validFrom) / 1000)) problems.push(`nbf ${payload.nbf} != validFrom ${payload.validFrom}`);
  if (payload.validUntil !== undefined && payload.exp !== Math.floor(Date.parse(payload.validUntil) / 1000)) {
    problems.push(`exp ${payload.exp} != validUntil ${payload.validUntil}`);
  }
  if (payload.credentialSubject?.id !== undefined && payload.sub !== payload.credentialSubject.id) problems.push('sub != credentialSubject.id');
  if (problems.length) throw new Error(problems.join('; '));
  return { payload, detail: `jose ${header.alg} ok with ${keySource}; typ ${header.typ ?? '(absent)'}, headers ${Object.keys(header).join(',')}; iss/jti/nbf${payload.exp ? '/exp' : ''} match, issuer Profile embedded` };
}
let jwtPayload;
await check('ob3Jwt VC-JWT (jose, key from kid, 1EdTech rules)', async () => {
  const r = await verifyJwt(jwt);
  jwtPayload = r.payload;
  return r.detail;
});
await check('ob3Jwt tampered (payload edited, signature kept)', () => {
  const [h, p, s] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  claims.credentialSubject.achievement.name += ' (edited)';
  return verifyJwt(`${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`).then((r) => r.detail);
}, false);
await check('ob3Jwt with typ vc+jwt (1EdTech rules must reject)', () => {
  const [h, p, s] = jwt.split('.');
  const header = { ...JSON.parse(Buffer.from(h, 'base64url').toString('utf8')), typ: 'vc+jwt' };
  return verifyJwt(`${Buffer.from(JSON.stringify(header)).toString('base64url')}.${p}.${s}`).then((r) => r.detail);
}, false);
// OB 3.0 notes §4.1: with both proof formats the DI proof is added first and the JWT wraps the proven credential.
await check('ob3Jwt credential is the ob3 credential (with or without its DI proof)', async () => {
  if (!jwtPayload) throw new Error('the JWT did not verify');
  const claimsOnly = new Set(['iss', 'jti', 'nbf', 'exp', 'sub', 'iat', 'aud']);
  const credential = Object.fromEntries(Object.entries(jwtPayload).filter(([k]) => !claimsOnly.has(k)));
  const { proof, ...unsigned } = ob3;
  const expected = 'proof' in credential ? ob3 : unsigned;
  if (JSON.stringify(canonical(expected)) !== JSON.stringify(canonical(credential))) {
    throw new Error('the JWT credential differs from the served ob3 credential');
  }
  return `same credential (${Object.keys(credential).length} members, DI proof ${'proof' in credential ? 'included' : 'not included'})`;
});

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  }
  return value;
}

// ---- 3. JSON Schema (draft 2019-09) with ajv --------------------------------------------------------------------------
const schema = JSON.parse(readFileSync(join(schemaDir, 'ob_v3p0_achievementcredential_schema.json'), 'utf8'));
const ajv = new Ajv2019({ allErrors: true, strict: false });
(addFormatsModule.default ?? addFormatsModule)(ajv);
const validateSchema = ajv.compile(schema);
function schemaCheck(credential) {
  if (!validateSchema(credential)) {
    throw new Error(ajv.errorsText(validateSchema.errors, { separator: '; ' }).slice(0, 800));
  }
  return `valid against ${schema.$id} (ajv draft 2019-09 + formats)`;
}
await check('ob3 JSON Schema (ajv, official AchievementCredential schema)', () => schemaCheck(ob3));
await check('ob3Jwt credential JSON Schema (ajv)', () => {
  if (!jwtPayload) throw new Error('the JWT did not verify');
  return schemaCheck(jwtPayload);
});
await check('ob3 without credentialSubject.achievement (schema must reject)', () => {
  const broken = clone(ob3);
  delete broken.credentialSubject.achievement;
  return schemaCheck(broken);
}, false);

// ---- 4. Baked PNG carries the served credential ----------------------------------------------------------------------
await check('bakedPng openbadgecredential chunk is the served credential', async () => {
  const text = pngITxt(png, 'openbadgecredential').trim();
  if (text === jwt) return 'the iTXt chunk holds the served VC-JWT';
  const embedded = JSON.parse(text);
  if (JSON.stringify(canonical(embedded)) !== JSON.stringify(canonical(ob3))) throw new Error('the baked credential differs from ob3');
  return 'the iTXt chunk holds the served ob3 credential; ' + await verifyDi(embedded);
});

// ---- 5. The Digital Credentials Consortium's verifier-core ----------------------------------------------------------
// verifier-core builds its document loader and did:web resolver at module load (securityLoader({fetchRemoteContexts:
// true})) and accepts none as a parameter, so the offline loader is injected one level lower: every HTTP request it
// makes (ky → globalThis.fetch) goes through the guard above, which sends did:web to our server and contexts/schemas to
// local files. The issuer registry step gets an empty registry list (nothing to fetch).
const dcc = await import('@digitalcredentials/verifier-core');
async function dccVerify(credential) {
  const before = toOurServer.length;
  const result = await dcc.verifyCredential({ credential: clone(credential), knownDIDRegistries: [] });
  if (result.errors?.length) {
    const e = result.errors[0];
    throw new Error(`${e.name}: ${e.message}${e.stackTrace ? ` (${e.stackTrace.message ?? e.stackTrace})` : ''}`);
  }
  const log = Object.fromEntries((result.log ?? []).map((entry) => [entry.id, entry]));
  const problems = [];
  if (log.valid_signature?.valid !== true) problems.push(`valid_signature ${JSON.stringify(log.valid_signature)}`);
  if (log.expiration?.valid !== true) problems.push(`expiration ${JSON.stringify(log.expiration)}`);
  if (log.revocation_status && log.revocation_status.valid !== true) problems.push(`revocation_status ${JSON.stringify(log.revocation_status)}`);
  const schemaEntry = (result.additionalInformation ?? []).find((a) => a.id === 'schema_check');
  const schemaResults = Array.isArray(schemaEntry?.results) ? schemaEntry.results : [];
  if (!schemaResults.length) problems.push(`schema_check ${JSON.stringify(schemaEntry?.results)}`);
  for (const s of schemaResults) {
    if (s.result?.valid !== true) problems.push(`schema ${s.schema}: ${JSON.stringify(s.result?.errors ?? s.result).slice(0, 400)}`);
  }
  if (problems.length) throw new Error(problems.join('; '));
  const registry = log.registered_issuer
    ? `registered_issuer ${log.registered_issuer.valid} (no registry list given, offline)`
    : 'no registered_issuer step';
  const fetched = [...new Set(toOurServer.slice(before).map((u) => new URL(u).pathname))];
  return `fetched from our server: ${fetched.join(', ') || '(nothing new: cached)'}; verifier-core: valid_signature, expiration${log.revocation_status ? ', revocation_status' : ''} valid; schema_check valid (${schemaResults.map((s) => s.schema.split('/').pop()).join(', ')}); ${registry}`;
}
await check('ob3 @digitalcredentials/verifier-core (offline, did:web via our server)', () => dccVerify(ob3));
await check('ob3 tampered, @digitalcredentials/verifier-core must reject', () => dccVerify(tamper(ob3)), false);

if (blocked.length) {
  console.log(`note: requests refused by the offline guard: ${[...new Set(blocked)].join(', ')}`);
}
tally.finish();
