// AWS Signature Version 4 for the one call the registrar makes (EC2 DescribeInstances, a form-encoded
// POST), through the AWS SDK's own signer (@smithy/signature-v4). The whole @aws-sdk/client-ec2 would
// add a large dependency tree for a single call; the signer is the part that must be exactly right.
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** Epoch ms after which the credentials are no longer valid (temporary credentials). */
  readonly expiresAt?: number;
}

export interface SignInput {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  /** Headers to sign besides host and x-amz-date (names in any case). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly region: string;
  readonly service: string;
  readonly credentials: AwsCredentials;
  readonly now: Date;
}

/** Returns the headers to send: the given ones plus host, x-amz-date, the session token and Authorization. */
export async function signRequest(input: SignInput): Promise<Record<string, string>> {
  const { accessKeyId, secretAccessKey, sessionToken } = input.credentials;
  const signer = new SignatureV4({
    service: input.service,
    region: input.region,
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) },
    sha256: Hash.bind(null, 'sha256'),
    // EC2's query API signs the path as given (S3 is the service that must not double-encode).
    uriEscapePath: true,
    // The body is signed by hash; the SDK's x-amz-content-sha256 header is for S3 only.
    applyChecksum: false,
  });
  const headers: Record<string, string> = { host: input.url.host };
  for (const [name, value] of Object.entries(input.headers)) headers[name.toLowerCase()] = value;
  const query: Record<string, string> = {};
  for (const [name, value] of input.url.searchParams) query[name] = value;
  const signed = await signer.sign(
    {
      method: input.method,
      protocol: input.url.protocol,
      hostname: input.url.hostname,
      ...(input.url.port === '' ? {} : { port: Number(input.url.port) }),
      path: input.url.pathname === '' ? '/' : input.url.pathname,
      query,
      headers,
      body: input.body,
    },
    { signingDate: input.now },
  );
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) out[name.toLowerCase()] = value;
  return out;
}
