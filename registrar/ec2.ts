// EC2 facts for nodes attested with aws_iid: the private DNS name and private IPv4 address of the
// attested instance, from DescribeInstances. SPIRE's aws_iid attestor gives the instance ID, region and
// tags as selectors (SPIRE pkg/server/plugin/nodeattestor/awsiid/iid.go resolveSelectors) but neither the
// host name nor the address, and the instance document a node could send itself is exactly what must not
// be trusted for its name. DescribeInstances is also what SPIRE's attestor calls, so the server's IAM role
// already has `ec2:DescribeInstances`.
//
// Query API over HTTPS (Action=DescribeInstances, Version=2016-11-15, form-encoded POST), signed with
// SigV4. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, or else
// from the instance profile through IMDSv2 (token PUT, then iam/security-credentials). They are never
// logged or put into error messages.
import { signRequest, type AwsCredentials } from './sigv4.js';

export interface Ec2Instance {
  readonly instanceId: string;
  readonly privateDnsName: string;
  readonly privateIp: string;
}

export interface Ec2ClientOptions {
  /** Endpoint URL; "{region}" is replaced by the instance's region. Default https://ec2.{region}.amazonaws.com. */
  readonly endpoint?: string;
  readonly credentials?: () => Promise<AwsCredentials>;
  /** Deadline of each HTTP request in ms; default 10 s. */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

export const DEFAULT_EC2_ENDPOINT = 'https://ec2.{region}.amazonaws.com';
const API_VERSION = '2016-11-15';

/** A failed EC2 or IMDS call; the message names the call and AWS's error code, never credentials. */
export class Ec2Error extends Error {
  override readonly name = 'Ec2Error';
}

export class Ec2Client {
  readonly #endpoint: string;
  readonly #credentials: () => Promise<AwsCredentials>;
  readonly #timeoutMs: number;
  readonly #now: () => Date;

  constructor(options: Ec2ClientOptions = {}) {
    this.#endpoint = options.endpoint ?? DEFAULT_EC2_ENDPOINT;
    this.#credentials = options.credentials ?? defaultCredentials(process.env);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#now = options.now ?? (() => new Date());
  }

  /** Returns the instance's private DNS name and address; throws Ec2Error. */
  async describeInstance(region: string, instanceId: string): Promise<Ec2Instance> {
    if (!/^[a-z0-9-]+$/.test(region))
      throw new Ec2Error(`region ${JSON.stringify(region)} is not a region name`);
    if (!/^i-[0-9a-f]+$/.test(instanceId))
      throw new Ec2Error(`${JSON.stringify(instanceId)} is not an EC2 instance ID`);
    const url = new URL(this.#endpoint.replace('{region}', region));
    const body = new URLSearchParams({
      Action: 'DescribeInstances',
      Version: API_VERSION,
      'InstanceId.1': instanceId,
    }).toString();
    const headers = await signRequest({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
      region,
      service: 'ec2',
      credentials: await this.#credentials(),
      now: this.#now(),
    });
    const what = `EC2 DescribeInstances(${instanceId}) in ${region}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (err) {
      throw new Ec2Error(`${what}: ${url.origin} did not answer: ${causeText(err)}`);
    }
    const xml = await response.text();
    if (!response.ok) {
      const code = firstElement(xml, 'Code') ?? `HTTP ${response.status}`;
      const message = firstElement(xml, 'Message') ?? '';
      throw new Ec2Error(`${what} failed: ${code}${message === '' ? '' : `: ${message}`}`);
    }
    return instanceFromXml(xml, instanceId, what);
  }
}

/** Returns the instance's facts from a DescribeInstancesResponse document. */
export function instanceFromXml(xml: string, instanceId: string, what = 'DescribeInstances'): Ec2Instance {
  const set = sliceElement(xml, 'instancesSet');
  const item = set === undefined ? undefined : sliceElement(set, 'item');
  if (item === undefined) throw new Ec2Error(`${what}: no such instance (terminated and gone?)`);
  // Network interfaces carry their own privateDnsName/privateIpAddress elements; only the instance's own
  // (primary) ones count.
  const own = item.replace(/<networkInterfaceSet>[\s\S]*?<\/networkInterfaceSet>/g, '');
  const id = firstElement(own, 'instanceId');
  if (id !== instanceId) throw new Ec2Error(`${what}: the answer is about ${id ?? 'no instance'}`);
  const privateDnsName = firstElement(own, 'privateDnsName') ?? '';
  const privateIp = firstElement(own, 'privateIpAddress') ?? '';
  return { instanceId, privateDnsName, privateIp };
}

/** Returns the inner text of the first <name> element, XML entities decoded, or undefined. */
function firstElement(xml: string, name: string): string | undefined {
  const inner = sliceElement(xml, name);
  if (inner === undefined) return undefined;
  return inner
    .trim()
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Returns what lies between the first <name> and its matching </name> (nested same names counted). */
function sliceElement(xml: string, name: string): string | undefined {
  const open = new RegExp(`<${name}(?:\\s[^>]*)?>`, 'g');
  const first = open.exec(xml);
  if (first === null) return undefined;
  const start = first.index + first[0].length;
  const tags = new RegExp(`<(/?)${name}(?:\\s[^>]*)?>`, 'g');
  tags.lastIndex = start;
  let depth = 1;
  for (let m = tags.exec(xml); m !== null; m = tags.exec(xml)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return xml.slice(start, m.index);
  }
  return undefined;
}

/** Returns a credentials source: the standard environment variables, else IMDSv2. */
export function defaultCredentials(env: NodeJS.ProcessEnv): () => Promise<AwsCredentials> {
  const fromEnv = credentialsFromEnv(env);
  if (fromEnv !== undefined) return () => Promise.resolve(fromEnv);
  return imdsCredentials({ endpoint: env.AWS_EC2_METADATA_SERVICE_ENDPOINT ?? 'http://169.254.169.254' });
}

/** Returns credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), if set. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): AwsCredentials | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (
    accessKeyId === undefined ||
    accessKeyId === '' ||
    secretAccessKey === undefined ||
    secretAccessKey === ''
  )
    return undefined;
  const sessionToken = env.AWS_SESSION_TOKEN;
  return {
    accessKeyId,
    secretAccessKey,
    ...(sessionToken === undefined || sessionToken === '' ? {} : { sessionToken }),
  };
}

/**
 * Returns a source of the instance profile's credentials through IMDSv2, kept until five minutes before
 * they expire.
 */
export function imdsCredentials(options: {
  readonly endpoint: string;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}): () => Promise<AwsCredentials> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const now = options.now ?? Date.now;
  const base = options.endpoint.replace(/\/+$/, '');
  let cached: AwsCredentials | undefined;
  const call = async (path: string, init: RequestInit): Promise<string> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new Ec2Error(`instance metadata ${path}: ${base} did not answer: ${causeText(err)}`);
    }
    if (!response.ok) throw new Ec2Error(`instance metadata ${path}: HTTP ${response.status}`);
    return response.text();
  };
  return async () => {
    if (cached?.expiresAt !== undefined && cached.expiresAt - 5 * 60_000 > now()) return cached;
    const token = await call('/latest/api/token', {
      method: 'PUT',
      headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '300' },
    });
    const headers = { 'x-aws-ec2-metadata-token': token };
    const roles = await call('/latest/meta-data/iam/security-credentials/', { headers });
    const role = roles.split('\n')[0]?.trim() ?? '';
    if (role === '') throw new Ec2Error('instance metadata: the instance has no instance profile role');
    const document = JSON.parse(
      await call(`/latest/meta-data/iam/security-credentials/${encodeURIComponent(role)}`, { headers }),
    ) as Partial<Record<'Code' | 'AccessKeyId' | 'SecretAccessKey' | 'Token' | 'Expiration', string>>;
    if (
      document.Code !== 'Success' ||
      document.AccessKeyId === undefined ||
      document.SecretAccessKey === undefined
    )
      throw new Ec2Error(
        `instance metadata: credentials of role ${role} are not available (${document.Code ?? 'no code'})`,
      );
    const expiresAt = document.Expiration === undefined ? Number.NaN : Date.parse(document.Expiration);
    cached = {
      accessKeyId: document.AccessKeyId,
      secretAccessKey: document.SecretAccessKey,
      ...(document.Token === undefined ? {} : { sessionToken: document.Token }),
      ...(Number.isNaN(expiresAt) ? {} : { expiresAt }),
    };
    return cached;
  };
}

function causeText(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? cause.message : String(cause);
}
