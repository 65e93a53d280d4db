// Node facts: only what SPIRE attested (selectors) or EC2 says about the attested instance; ambiguity
// and unusable values are refusals, never guesses.
import t from 'tap';
import { TrustDomain } from '../../../src/core/spiffeid/index.js';
import type { Agent, Selector } from '../../../src/core/spireapi/index.js';
import { NodeFactResolver, isIpv4, selectorValue } from '../../../registrar/facts.js';
import { roleFromRecord, type RoleRule } from '../../../registrar/role.js';
import { roleRecordEntry } from '../../../provider/resources/node-role.js';
import { PREFIX, workerRole, type RoleModel } from './fixtures/world.js';

const td = TrustDomain.parse('example.org');

function ruleOf(model: RoleModel): RoleRule {
  const input = roleRecordEntry(td.idString(), PREFIX, model);
  const record = roleFromRecord(
    {
      id: input.id,
      spiffeId: input.spiffeId,
      parentId: input.parentId,
      selectors: [...input.selectors],
      dnsNames: [],
      federatesWith: [],
      x509SvidTtl: 0,
      jwtSvidTtl: 0,
      admin: false,
      downstream: false,
      expiresAt: 0,
      storeSvid: false,
      hint: '',
      revisionNumber: 0,
      createdAt: 0,
    },
    { prefix: PREFIX, trustDomain: td },
  );
  if (record === undefined || !record.ok) throw new Error('bad test role');
  return record.role;
}

function agent(values: string[]): Agent {
  return {
    id: 'spiffe://example.org/spire/agent/aws_iid/1/eu-west-1/i-1',
    attestationType: 'aws_iid',
    x509SvidSerialNumber: '1',
    x509SvidExpiresAt: 0,
    selectors: values.map((value): Selector => ({ type: 'aws_iid', value })),
    banned: false,
    canReattest: false,
    agentVersion: '',
  };
}

t.test('a selector fact needs exactly one matching selector', (t) => {
  const selectors = agent(['instance:id:i-1', 'tag:Name:a', 'tag:Name:b', 'tag:Role:worker']).selectors;
  t.equal(selectorValue(selectors, 'aws_iid', 'instance:id'), 'i-1');
  t.equal(selectorValue(selectors, 'aws_iid', 'tag:Role'), 'worker');
  t.equal(selectorValue(selectors, 'aws_iid', 'tag:Name'), undefined, 'two Name tags: ambiguous');
  t.equal(selectorValue(selectors, 'aws_iid', 'region'), undefined, 'none');
  t.equal(selectorValue(selectors, 'x509pop', 'instance:id'), undefined, 'another type');
  t.end();
});

t.test('the FQDN is lower-cased and must be a DNS name fit for one SPIFFE ID segment', async (t) => {
  const resolver = new NodeFactResolver();
  const rows: [string, string, RegExp | string][] = [
    ['upper case is folded', 'Web-1.Example', 'web-1.example'],
    ['a space is refused', 'web 1', /not a DNS name/],
    ['an empty label is refused', 'web..example', /empty label/],
    ['a label of 64 characters is refused', `${'a'.repeat(64)}.example`, /longer than 63/],
    ['a leading hyphen is refused', '-web.example', /starts or ends with "-"/],
    ['a slash would add a path segment', 'web/kubelet', /not a DNS name/],
  ];
  for (const [name, tag, expected] of rows) {
    const result = await resolver.resolve(
      agent([`tag:Name:${tag}`]),
      ruleOf(workerRole({ fqdn: '{selector:aws_iid:tag:Name}' })),
    );
    if (typeof expected === 'string') t.same(result.ok ? result.facts.fqdn : result.problem, expected, name);
    else t.match(result.ok ? 'resolved' : result.problem, expected, name);
  }
});

t.test('the IP must be a dotted-quad IPv4 address', async (t) => {
  const resolver = new NodeFactResolver();
  const role = ruleOf(workerRole({ ip: '{selector:aws_iid:tag:ip}' }));
  for (const [value, ok] of [
    ['10.0.1.23', true],
    ['10.0.1', false],
    ['10.0.1.256', false],
    ['010.0.1.2', false],
    ['fe80::1', false],
  ] as const) {
    const result = await resolver.resolve(
      agent(['instance:id:i-1', 'region:eu-west-1', `tag:ip:${value}`]),
      role,
    );
    t.equal(result.ok, ok, value);
    t.equal(isIpv4(value), ok, `isIpv4 ${value}`);
  }
});

t.test('EC2 facts need the attested instance ID and region, and say which is missing', async (t) => {
  const resolver = new NodeFactResolver({
    ec2: { describeInstance: () => Promise.reject(new Error('must not be called')) },
  });
  const result = await resolver.resolve(
    agent(['tag:Role:worker']),
    ruleOf(workerRole({ fqdn: '{ec2:private_dns_name}' })),
  );
  t.match(result.ok ? '' : result.problem, /one aws_iid:instance:id and one aws_iid:region selector/);
});
