// SigV4 against AWS's published example (Signature Version 4 "signed request" example: IAM ListUsers,
// POST, 20110909T233600Z, access key AKIDEXAMPLE; signature ced6826d…).
import t from 'tap';
import { signRequest } from '../../../registrar/sigv4.js';

t.test("the signature matches AWS's documented example", async (t) => {
  const headers = await signRequest({
    method: 'POST',
    url: new URL('https://iam.amazonaws.com/'),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: 'Action=ListUsers&Version=2010-05-08',
    region: 'us-east-1',
    service: 'iam',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    now: new Date('2011-09-09T23:36:00Z'),
  });
  t.equal(
    headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20110909/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ced6826de92d2bdeed8f846f0bf508e8559e98e4b0199114b84c54174deb456c',
  );
  t.equal(headers['x-amz-date'], '20110909T233600Z');
  t.equal(headers.host, 'iam.amazonaws.com');
});

t.test('a session token is sent and signed', async (t) => {
  const headers = await signRequest({
    method: 'POST',
    url: new URL('https://ec2.eu-west-1.amazonaws.com/'),
    headers: {},
    body: '',
    region: 'eu-west-1',
    service: 'ec2',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'session' },
    now: new Date('2024-01-01T00:00:00Z'),
  });
  t.equal(headers['x-amz-security-token'], 'session');
  t.match(headers.authorization, /SignedHeaders=host;x-amz-date;x-amz-security-token,/);
  t.notMatch(JSON.stringify(headers), /"secret"/, 'the secret key is never sent');
});

t.test(
  'query parameters are signed RFC 3986-encoded (a changed parameter changes the signature)',
  async (t) => {
    const sign = (query: string) =>
      signRequest({
        method: 'GET',
        url: new URL(`https://ec2.eu-west-1.amazonaws.com/?${query}`),
        headers: {},
        body: '',
        region: 'eu-west-1',
        service: 'ec2',
        credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
        now: new Date('2024-01-01T00:00:00Z'),
      });
    const a = await sign("Filter=a%20b!'()*~");
    const b = await sign('Filter=a%20b');
    t.not(a.authorization, b.authorization);
  },
);
