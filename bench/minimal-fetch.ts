// The P3 reference: the least a Node program can do for what `spire-helper cert fetch` does — one
// FetchX509SVID over the Workload API with @grpc/grpc-js, the first SVID's leaf+chain, key and bundle
// written as PEM (temp file, fsync, rename), and the result checked (key belongs to the leaf, the leaf was
// signed by a bundle root). Written with erasable TypeScript only, so plain `node` runs it (type stripping)
// without a TypeScript loader; no retries, no options.
// Usage: node bench/minimal-fetch.ts unix:///path/to/agent.sock /out/base
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

interface Svid {
  x509_svid: Buffer;
  x509_svid_key: Buffer;
  bundle: Buffer;
}
type WorkloadClient = grpc.Client & {
  FetchX509SVID(request: object, metadata: grpc.Metadata): grpc.ClientReadableStream<{ svids: Svid[] }>;
};

const [endpoint = '', base = ''] = process.argv.slice(2);
const definition = protoLoader.loadSync('spiffe/workload/workload.proto', {
  includeDirs: [join(import.meta.dirname, '../src/core/proto')],
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
});
const Service = grpc.loadPackageDefinition(definition)['SpiffeWorkloadAPI'] as grpc.ServiceClientConstructor;
const client = new Service(endpoint, grpc.credentials.createInsecure()) as unknown as WorkloadClient;
const metadata = new grpc.Metadata();
metadata.set('workload.spiffe.io', 'true');

/** Returns one PEM block per certificate in concatenated DER. */
function certificatesPem(der: Buffer): string[] {
  const out: string[] = [];
  let offset = 0;
  while (offset < der.length) {
    // DER SEQUENCE: 0x30, then a short or a long length.
    let length = der[offset + 1] ?? 0;
    let header = 2;
    if (length & 0x80) {
      const bytes = length & 0x7f;
      length = 0;
      for (let i = 0; i < bytes; i++) length = length * 256 + (der[offset + 2 + i] ?? 0);
      header = 2 + bytes;
    }
    const body = der.subarray(offset, offset + header + length).toString('base64');
    out.push(
      `-----BEGIN CERTIFICATE-----\n${(body.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`,
    );
    offset += header + length;
  }
  return out;
}

function writeAtomic(path: string, data: string, mode: number): void {
  const temporary = `${path}.tmp-${String(process.pid)}`;
  const fd = openSync(temporary, 'wx', mode);
  writeSync(fd, data);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temporary, path);
}

const stream = client.FetchX509SVID({}, metadata);
stream.once('data', (response: { svids: Svid[] }) => {
  const [svid] = response.svids;
  if (svid === undefined) throw new Error('no SVID');
  const chain = certificatesPem(svid.x509_svid);
  const bundle = certificatesPem(svid.bundle);
  const key = createPrivateKey({ key: svid.x509_svid_key, format: 'der', type: 'pkcs8' });
  const leaf = new X509Certificate(chain[0] ?? '');
  const roots = bundle.map((pem) => new X509Certificate(pem));
  const signer =
    chain[1] !== undefined ? new X509Certificate(chain[1]) : roots.find((root) => leaf.checkIssued(root));
  if (!leaf.checkPrivateKey(key) || signer === undefined || !leaf.verify(signer.publicKey)) {
    throw new Error('the SVID does not verify');
  }
  writeAtomic(`${base}-key.pem`, key.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  writeAtomic(`${base}.pem`, chain.join(''), 0o644);
  writeAtomic(`${base}-ca.pem`, bundle.join(''), 0o644);
  const dir = openSync(dirname(base), 'r');
  fsyncSync(dir);
  closeSync(dir);
  stream.cancel();
  client.close();
});
stream.on('error', (err: grpc.ServiceError) => {
  if (err.code !== grpc.status.CANCELLED) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  }
});
