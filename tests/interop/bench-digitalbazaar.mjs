// Side-by-side speed reference: signs and verifies the same ~3 KB OB 3.0 credential N times with
// @digitalbazaar/vc + eddsa-rdfc-2022 (offline document loader) and prints credentials per second.
// Usage: node bench-digitalbazaar.mjs [N]   (default 200; the first 10 rounds are warm-up and not timed)
import { performance } from 'node:perf_hooks';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createDocumentLoader, registerMultikey, template } from './lib.mjs';

const n = Number.parseInt(process.argv[2] ?? process.env.BENCH_N ?? '200', 10);
const controller = 'https://interop.openbadgesissuer.test/issuers/district-7';
const keyPair = await Ed25519Multikey.generate({ controller });
keyPair.id = `${controller}#${keyPair.publicKeyMultibase}`;
const loader = createDocumentLoader();
registerMultikey(loader, { id: keyPair.id, controller, publicKeyMultibase: keyPair.publicKeyMultibase });
const credential = template();
credential.id = 'urn:uuid:6a0f4c1e-2b7d-4e55-9a31-0c9e8d7f6b5a';
const bytes = Buffer.byteLength(JSON.stringify(credential));

const sign = () => vc.issue({
  credential: structuredClone(credential),
  suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite }),
  documentLoader: loader,
});
const verify = async (signed) => {
  const result = await vc.verifyCredential({ credential: signed, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: loader });
  if (!result.verified) throw new Error('verification failed during benchmark');
};

for (let i = 0; i < 10; i++) await verify(await sign());

let signMs = 0, verifyMs = 0;
for (let i = 0; i < n; i++) {
  const t0 = performance.now();
  const signed = await sign();
  const t1 = performance.now();
  await verify(signed);
  const t2 = performance.now();
  signMs += t1 - t0;
  verifyMs += t2 - t1;
}
const rate = (count, ms) => (count / (ms / 1000)).toFixed(1);
console.log(`digitalbazaar eddsa-rdfc-2022 (node ${process.version}, N=${n}, ${bytes}-byte credential): ` +
  `sign ${rate(n, signMs)} cred/s, verify ${rate(n, verifyMs)} cred/s, sign+verify ${rate(n, signMs + verifyMs)} cred/s`);
