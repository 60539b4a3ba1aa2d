// Verifies artifacts served by the running issuer (exported by the end-to-end tests with OBI_TEST_ARTIFACTS_DIR=<dir>):
// the OB 3.0 Data Integrity proof with Digital Bazaar (did:web document from did.json, contexts offline) and the
// VC-JWT with jose and the JWK served at its kid. Usage: node verify-served.mjs <dir>/Sqlite <dir>/Postgres
import fs from "fs";
import path from "path";
import * as vc from "@digitalbazaar/vc";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import jsigs from "jsonld-signatures";
import * as jose from "jose";
const ctxDir = path.join(process.env.OBI_CONFORMANCE_SUITES ?? new URL("../../../shared/test-suites", import.meta.url).pathname, "contexts");
const map = JSON.parse(fs.readFileSync(path.join(ctxDir, "contexts.json")));
for (const dir of process.argv.slice(2)) {
  const did = JSON.parse(fs.readFileSync(path.join(dir, "did.json")));
  const documentLoader = async (url) => {
    if (map[url]) return { contextUrl: null, documentUrl: url, document: JSON.parse(fs.readFileSync(path.join(ctxDir, map[url]))) };
    const [base, frag] = url.split("#");
    if (base === did.id) {
      if (!frag) return { contextUrl: null, documentUrl: url, document: did };
      const vm = did.verificationMethod.find(m => m.id === url);
      return { contextUrl: null, documentUrl: url, document: { "@context": "https://w3id.org/security/multikey/v1", ...vm } };
    }
    throw new Error("not offline: " + url);
  };
  const credential = JSON.parse(fs.readFileSync(path.join(dir, "ob3.json")));
  const suite = new DataIntegrityProof({ cryptosuite });
  const r = await vc.verifyCredential({ credential, suite, documentLoader, purpose: new jsigs.purposes.AssertionProofPurpose({ controller: did }) });
  if (!r.verified) process.exitCode = 1;
  console.log(r.verified ? "PASS" : "FAIL", dir, "DI (Digital Bazaar)", r.verified ? "" : JSON.stringify(r.error?.errors?.map(e => e.message) ?? r.error?.message ?? r));
  const jwk = JSON.parse(fs.readFileSync(path.join(dir, "jwk.json")));
  try {
    const { payload, protectedHeader } = await jose.jwtVerify(fs.readFileSync(path.join(dir, "ob3.jwt"), "utf8"), await jose.importJWK(jwk, "ES256"));
    console.log(payload.iss === credential.issuer.id ? "PASS" : "FAIL", dir, "VC-JWT (jose)", protectedHeader.alg, payload.iss === credential.issuer.id ? "iss=issuer.id" : "iss MISMATCH");
  } catch (e) { process.exitCode = 1; console.log("FAIL", dir, "VC-JWT (jose)", e.message); }
}
