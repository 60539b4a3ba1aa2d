// Shared helpers for the interop scripts. Offline only: JSON-LD contexts come from the shared suites folder
// (env OBI_CONFORMANCE_SUITES, default ../../../shared/test-suites relative to this folder), never the network.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const here = dirname(fileURLToPath(import.meta.url));

export function suitesRoot() {
  const configured = process.env.OBI_CONFORMANCE_SUITES;
  const root = configured && configured.trim() !== '' ? resolve(configured) : resolve(here, '../../../shared/test-suites');
  if (!existsSync(join(root, 'contexts', 'contexts.json'))) {
    throw new Error(`contexts not found under ${root} (set OBI_CONFORMANCE_SUITES)`);
  }
  return root;
}

/** A JSON-LD document loader over the local context files plus documents registered at run time (keys, controllers). */
export function createDocumentLoader() {
  const root = suitesRoot();
  const map = JSON.parse(readFileSync(join(root, 'contexts', 'contexts.json'), 'utf8'));
  const documents = new Map();
  for (const [url, file] of Object.entries(map)) {
    documents.set(url, JSON.parse(readFileSync(join(root, 'contexts', file), 'utf8')));
  }
  const loader = async (url) => {
    const key = documents.has(url) ? url : url.split('#')[0];
    if (documents.has(url)) {
      return { contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url)) };
    }
    if (documents.has(key)) {
      return { contextUrl: null, documentUrl: url, document: structuredClone(documents.get(key)) };
    }
    throw new Error(`offline document loader: ${url} is not available locally`);
  };
  loader.register = (url, document) => documents.set(url, document);
  return loader;
}

/** Registers an Ed25519 Multikey verification method and its controller document (assertionMethod) with the loader. */
export function registerMultikey(loader, { id, controller, publicKeyMultibase }) {
  const key = {
    '@context': 'https://w3id.org/security/multikey/v1',
    id, type: 'Multikey', controller, publicKeyMultibase,
  };
  loader.register(id, key);
  loader.register(controller, {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: controller,
    verificationMethod: [{ id, type: 'Multikey', controller, publicKeyMultibase }],
    assertionMethod: [id],
  });
}

export function template() {
  return JSON.parse(readFileSync(join(here, 'credential-template.json'), 'utf8'));
}

/** Extracts the text of the iTXt chunk with the given keyword (uncompressed) from a PNG buffer. */
export function pngITxt(buffer, keyword) {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buffer.subarray(0, 8).equals(sig)) throw new Error('not a PNG');
  let offset = 8;
  const found = [];
  while (offset + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'iTXt') {
      const nul = data.indexOf(0);
      if (data.toString('latin1', 0, nul) === keyword) {
        if (data[nul + 1] !== 0) throw new Error('compressed iTXt');
        let p = nul + 3;
        p = data.indexOf(0, p) + 1; // language tag
        p = data.indexOf(0, p) + 1; // translated keyword
        found.push(data.subarray(p).toString('utf8'));
      }
    }
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (found.length !== 1) throw new Error(`expected one ${keyword} chunk, found ${found.length}`);
  return found[0];
}

export class Tally {
  constructor(side) { this.side = side; this.passed = 0; this.failed = 0; this.skipped = 0; }
  pass(name, detail) { this.passed++; console.log(`PASS ${this.side} ${name}: ${detail}`); }
  fail(name, detail) { this.failed++; console.log(`FAIL ${this.side} ${name}: ${detail}`); }
  skip(name, detail) { this.skipped++; console.log(`SKIP ${this.side} ${name}: ${detail}`); }
  check(name, ok, detail) { ok ? this.pass(name, detail) : this.fail(name, detail); }
  finish() {
    console.log(`${this.side}: ${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped`);
    process.exitCode = this.failed === 0 ? 0 : 1;
  }
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A 1x1 grey PNG with one uncompressed iTXt chunk (keyword, empty language and translated keyword) before IEND. */
export function bakedPng(keyword, text) {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const itxt = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))), chunk('iTXt', itxt), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An OB 2.0 signed Assertion (hashed e-mail recipient) as UTF-8 JSON bytes. */
export function ob2Assertion(id, creator) {
  return Buffer.from(JSON.stringify({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id,
    recipient: { type: 'email', hashed: true, salt: 'x9Qm', identity: 'sha256$0f5c1b2a3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8' },
    badge: 'https://interop.openbadgesissuer.test/badges/fa-math-secondary',
    issuedOn: '2025-09-01T08:00:00Z',
    verification: { type: 'SignedBadge', creator },
  }), 'utf8');
}
