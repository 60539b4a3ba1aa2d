// Verifies the artifacts our C# library emitted (dir/manifest.json) with jose and, for Data Integrity, Digital Bazaar.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jose from 'jose';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
const eddsaJcs2022 = createVerifyCryptosuite();
import { createDocumentLoader, registerMultikey, pngITxt, Tally } from './lib.mjs';

const dir = process.argv[2];
if (!dir) { console.error('usage: node verify-ours.mjs <dir>'); process.exit(2); }
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const tally = new Tally('node-verify');

async function verifyVcJwt(token, entry) {
  const key = await jose.importJWK(entry.jwk, entry.alg);
  const { payload, protectedHeader } = await jose.jwtVerify(token, key, { algorithms: [entry.alg] });
  // OB 3.0 §8.2: iss = issuer.id, jti = id, sub = credentialSubject.id, nbf = validFrom.
  const problems = [];
  if (protectedHeader.typ !== undefined && protectedHeader.typ !== 'JWT') problems.push(`typ ${protectedHeader.typ}`);
  if (protectedHeader.kid !== entry.jwk.kid) problems.push('kid differs');
  if (payload.iss !== payload.issuer?.id) problems.push('iss != issuer.id');
  if (payload.jti !== payload.id) problems.push('jti != id');
  if (payload.sub !== payload.credentialSubject?.id) problems.push('sub != credentialSubject.id');
  if (payload.nbf !== Math.floor(Date.parse(payload.validFrom) / 1000)) problems.push('nbf != validFrom');
  if ('vc' in payload) problems.push('unexpected vc claim');
  if (problems.length) throw new Error(problems.join('; '));
  return `jose ${entry.alg} ok, claims match`;
}

async function verifyDi(entry) {
  const credential = JSON.parse(readFileSync(join(dir, entry.file), 'utf8'));
  const loader = createDocumentLoader();
  registerMultikey(loader, entry.key);
  const cryptosuite = entry.cryptosuite === 'eddsa-jcs-2022' ? eddsaJcs2022 : eddsaRdfc2022;
  const suite = new DataIntegrityProof({ cryptosuite });
  const result = await vc.verifyCredential({ credential, suite, documentLoader: loader });
  if (!result.verified) {
    const error = result.error?.errors?.[0] ?? result.error ?? result.results?.[0]?.error;
    throw new Error(String(error?.message ?? error ?? 'not verified'));
  }
  return `@digitalbazaar/vc ${entry.cryptosuite} ok`;
}

for (const entry of manifest) {
  const expectValid = entry.expect !== 'invalid';
  let outcome;
  try {
    if (entry.kind === 'vc-jwt') {
      outcome = { ok: true, detail: await verifyVcJwt(readFileSync(join(dir, entry.file), 'utf8').trim(), entry) };
    } else if (entry.kind === 'png-vc-jwt') {
      const token = pngITxt(readFileSync(join(dir, entry.file)), 'openbadgecredential');
      outcome = { ok: true, detail: 'iTXt openbadgecredential extracted; ' + await verifyVcJwt(token, entry) };
    } else if (entry.kind === 'ob2-jws') {
      const key = await jose.importSPKI(entry.publicKeyPem, 'RS256');
      const jws = readFileSync(join(dir, entry.file), 'utf8').trim();
      const { payload, protectedHeader } = await jose.compactVerify(jws, key, { algorithms: ['RS256'] });
      const assertion = JSON.parse(new TextDecoder().decode(payload));
      if (assertion.type !== 'Assertion' || assertion.verification?.type !== 'SignedBadge') throw new Error('payload is not a signed Assertion');
      outcome = { ok: true, detail: `jose compactVerify ${protectedHeader.alg} ok, Assertion ${assertion.id}` };
    } else if (entry.kind === 'di') {
      outcome = { ok: true, detail: await verifyDi(entry) };
    } else {
      tally.skip(entry.name, `unknown kind ${entry.kind}`);
      continue;
    }
  } catch (error) {
    outcome = { ok: false, detail: `rejected (${error.code ?? error.name}: ${error.message})` };
  }
  tally.check(entry.name, outcome.ok === expectValid, `${outcome.detail}, expected ${expectValid ? 'valid' : 'invalid'}`);
}
tally.finish();
