// EC2 DescribeInstances and IMDSv2 credentials against local fakes: the request the registrar sends, the
// answer it reads (the instance's own address, not a network interface's), errors that name the cause and
// never a credential.
import t from 'tap';
import type { Test } from 'tap';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Ec2Client,
  Ec2Error,
  credentialsFromEnv,
  imdsCredentials,
  instanceFromXml,
} from '../../../registrar/ec2.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

async function fake(t: Test, handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const ANSWER = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>r-1</requestId>
  <reservationSet><item><reservationId>r-0</reservationId><instancesSet><item>
    <instanceId>i-0aaaaaaaaaaaaaaa1</instanceId>
    <instanceState><code>16</code><name>running</name></instanceState>
    <networkInterfaceSet><item>
      <privateDnsName>ip-10-9-9-9.eu-west-1.compute.internal</privateDnsName>
      <privateIpAddress>10.9.9.9</privateIpAddress>
    </item></networkInterfaceSet>
    <privateDnsName>ip-10-0-1-23.eu-west-1.compute.internal</privateDnsName>
    <privateIpAddress>10.0.1.23</privateIpAddress>
  </item></instancesSet></item></reservationSet>
</DescribeInstancesResponse>`;

const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'very-secret-key' };

t.test('DescribeInstances: a signed form POST for one instance ID, in the instance region', async (t) => {
  const seen: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const endpoint = await fake(t, (req, body, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers, body });
    res.setHeader('content-type', 'text/xml');
    res.end(ANSWER);
  });
  const client = new Ec2Client({
    endpoint: `${endpoint}/{region}/`,
    credentials: () => Promise.resolve(CREDENTIALS),
    now: () => new Date('2024-05-01T12:00:00Z'),
  });
  const instance = await client.describeInstance('eu-west-1', 'i-0aaaaaaaaaaaaaaa1');
  t.same(
    instance,
    {
      instanceId: 'i-0aaaaaaaaaaaaaaa1',
      privateDnsName: 'ip-10-0-1-23.eu-west-1.compute.internal',
      privateIp: '10.0.1.23',
    },
    "the instance's own address, not a network interface's",
  );
  const [request] = seen;
  t.equal(request?.url, '/eu-west-1/');
  t.same(Object.fromEntries(new URLSearchParams(request?.body ?? '')), {
    Action: 'DescribeInstances',
    Version: '2016-11-15',
    'InstanceId.1': 'i-0aaaaaaaaaaaaaaa1',
  });
  t.match(
    request?.headers.authorization,
    /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/20240501\/eu-west-1\/ec2\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
  );
  t.equal(request?.headers['x-amz-date'], '20240501T120000Z');
  t.notMatch(JSON.stringify(request), 'very-secret-key');
});

t.test('an AWS error names its code and message, never the credentials', async (t) => {
  const endpoint = await fake(t, (_req, _body, res) => {
    res.statusCode = 403;
    res.end(
      '<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors></Response>',
    );
  });
  const client = new Ec2Client({ endpoint, credentials: () => Promise.resolve(CREDENTIALS) });
  const error = await client.describeInstance('eu-west-1', 'i-0aaaaaaaaaaaaaaa1').catch((e: unknown) => e);
  t.type(error, Ec2Error);
  t.match(
    String(error),
    /DescribeInstances\(i-0aaaaaaaaaaaaaaa1\) in eu-west-1 failed: UnauthorizedOperation: You are not authorized/,
  );
  t.notMatch(String(error), /very-secret-key|AKIDTEST/);
});

t.test('an instance that is gone, or an answer about another one, is an error', (t) => {
  t.throws(
    () => instanceFromXml('<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>', 'i-1'),
    /no such instance/,
  );
  t.throws(() => instanceFromXml(ANSWER, 'i-0bbbbbbbbbbbbbbb2'), /the answer is about i-0aaaaaaaaaaaaaaa1/);
  t.end();
});

t.test('only region names and instance IDs go into the request', async (t) => {
  const client = new Ec2Client({ credentials: () => Promise.resolve(CREDENTIALS) });
  await t.rejects(client.describeInstance('eu-west-1/../x', 'i-1'), /not a region name/);
  await t.rejects(
    client.describeInstance('eu-west-1', 'i-1&Action=TerminateInstances'),
    /not an EC2 instance ID/,
  );
});

t.test('credentials: environment variables, else IMDSv2 (token first), kept until near expiry', async (t) => {
  t.same(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'S', AWS_SESSION_TOKEN: 'T' }), {
    accessKeyId: 'A',
    secretAccessKey: 'S',
    sessionToken: 'T',
  });
  t.equal(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'A' }), undefined);

  const calls: string[] = [];
  const expiration = '2030-01-01T00:00:00Z';
  const endpoint = await fake(t, (req, _body, res) => {
    calls.push(`${req.method ?? ''} ${req.url ?? ''}`);
    if (req.url === '/latest/api/token') {
      t.equal(req.headers['x-aws-ec2-metadata-token-ttl-seconds'], '300');
      res.end('imds-token');
      return;
    }
    if (req.headers['x-aws-ec2-metadata-token'] !== 'imds-token') {
      res.statusCode = 401;
      res.end();
      return;
    }
    if (req.url === '/latest/meta-data/iam/security-credentials/') res.end('spire-server\n');
    else
      res.end(
        JSON.stringify({
          Code: 'Success',
          AccessKeyId: 'ASIA1',
          SecretAccessKey: 'S1',
          Token: 'T1',
          Expiration: expiration,
        }),
      );
  });
  let now = Date.parse('2029-12-31T23:00:00Z');
  const source = imdsCredentials({ endpoint, now: () => now });
  t.same(await source(), {
    accessKeyId: 'ASIA1',
    secretAccessKey: 'S1',
    sessionToken: 'T1',
    expiresAt: Date.parse(expiration),
  });
  t.same(calls, [
    'PUT /latest/api/token',
    'GET /latest/meta-data/iam/security-credentials/',
    'GET /latest/meta-data/iam/security-credentials/spire-server',
  ]);
  await source();
  t.equal(calls.length, 3, 'kept while more than five minutes remain');
  now = Date.parse('2029-12-31T23:56:00Z');
  await source();
  t.equal(calls.length, 6, 'fetched again near expiry');
});
