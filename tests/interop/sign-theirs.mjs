// Signs credentials with jose (VC-JWT ES256/RS256/EdDSA) and Digital Bazaar (DI eddsa-rdfc-2022, eddsa-jcs-2022)
// and writes them with dir/manifest.json for our C# tool to verify.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import * as jose from 'jose';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
const eddsaJcs2022 = createSignCryptosuite();
import { bakedPng, createDocumentLoader, ob2Assertion, registerMultikey, template, Tally } from './lib.mjs';

const dir = process.argv[2];
if (!dir) { console.error('usage: node sign-theirs.mjs <dir>'); process.exit(2); }
mkdirSync(dir, { recursive: true });
const manifest = [];
const tally = new Tally('node-sign');

function credential() {
  const c = template();
  c.id = `urn:uuid:${randomUUID()}`;
  return c;
}

// VC-JWT as OB 3.0 profiles it: the credential is the payload, plus iss/jti/sub/nbf (exp only with validUntil).
for (const alg of ['ES256', 'RS256', 'EdDSA']) {
  const name = `theirs-vcjwt-${alg}`;
  try {
    const { publicKey, privateKey } = await jose.generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : { modulusLength: 2048 });
    const kid = `https://interop.openbadgesissuer.test/keys/node-${alg}`;
    const c = credential();
    const token = await new jose.SignJWT(c)
      .setProtectedHeader({ alg, kid, typ: 'JWT' })
      .setIssuer(c.issuer.id)
      .setJti(c.id)
      .setSubject(c.credentialSubject.id)
      .setNotBefore(Math.floor(Date.parse(c.validFrom) / 1000))
      .sign(privateKey);
    const jwk = { ...(await jose.exportJWK(publicKey)), kid };
    writeFileSync(join(dir, `${name}.jwt`), token);
    manifest.push({ name, kind: 'vc-jwt', alg, file: `${name}.jwt`, jwk, expect: 'valid' });

    // Negative twin: a different credential name under the original signature.
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    payload.name += ' (altered)';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    writeFileSync(join(dir, `${name}-tampered.jwt`), tampered);
    manifest.push({ name: `${name}-tampered`, kind: 'vc-jwt', alg, file: `${name}-tampered.jwt`, jwk, expect: 'invalid' });
    tally.pass(name, `jose signed ${alg}`);
    if (alg === 'ES256') {
      writeFileSync(join(dir, 'theirs-baked-ES256.png'), bakedPng('openbadgecredential', token));
      manifest.push({ name: 'theirs-baked-ES256', kind: 'png-vc-jwt', alg, file: 'theirs-baked-ES256.png', jwk, expect: 'valid' });
    }
  } catch (error) {
    tally.fail(name, `${error.name}: ${error.message}`);
  }
}

// OB 2.0 signed assertion: compact JWS, header {"alg":"RS256"}, payload = the Assertion bytes.
{
  const name = 'theirs-ob2-RS256';
  try {
    const { publicKey, privateKey } = await jose.generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const creator = 'https://interop.openbadgesissuer.test/keys/node-ob2';
    const jws = await new jose.CompactSign(ob2Assertion(`urn:uuid:${randomUUID()}`, creator)).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    const publicKeyPem = await jose.exportSPKI(publicKey);
    writeFileSync(join(dir, `${name}.jws`), jws);
    manifest.push({ name, kind: 'ob2-jws', alg: 'RS256', file: `${name}.jws`, publicKeyPem, expect: 'valid' });
    const [h, , sig] = jws.split('.');
    const other = Buffer.from(ob2Assertion(`urn:uuid:${randomUUID()}`, creator)).toString('base64url');
    writeFileSync(join(dir, `${name}-tampered.jws`), `${h}.${other}.${sig}`);
    manifest.push({ name: `${name}-tampered`, kind: 'ob2-jws', alg: 'RS256', file: `${name}-tampered.jws`, publicKeyPem, expect: 'invalid' });
    tally.pass(name, 'jose signed OB 2.0 assertion');
  } catch (error) {
    tally.fail(name, `${error.name}: ${error.message}`);
  }
}

// Data Integrity with Digital Bazaar.
for (const [suiteName, cryptosuite] of [['eddsa-rdfc-2022', eddsaRdfc2022], ['eddsa-jcs-2022', eddsaJcs2022]]) {
  const name = `theirs-di-${suiteName}`;
  try {
    const controller = 'https://interop.openbadgesissuer.test/issuers/district-7';
    const keyPair = await Ed25519Multikey.generate({ controller });
    keyPair.id = `${controller}#${keyPair.publicKeyMultibase}`;
    const loader = createDocumentLoader();
    const key = { id: keyPair.id, controller, publicKeyMultibase: keyPair.publicKeyMultibase };
    registerMultikey(loader, key);
    const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite });
    const signed = await vc.issue({ credential: credential(), suite, documentLoader: loader });
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(signed, null, 2));
    manifest.push({ name, kind: 'di', cryptosuite: suiteName, file: `${name}.json`, key, expect: 'valid' });

    const tampered = structuredClone(signed);
    tampered.credentialSubject.achievement.name += ' (altered)';
    writeFileSync(join(dir, `${name}-tampered.json`), JSON.stringify(tampered, null, 2));
    manifest.push({ name: `${name}-tampered`, kind: 'di', cryptosuite: suiteName, file: `${name}-tampered.json`, key, expect: 'invalid' });
    tally.pass(name, `@digitalbazaar/vc signed ${suiteName}`);
  } catch (error) {
    tally.fail(name, `${error.name}: ${error.message}`);
  }
}

writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
tally.finish();
