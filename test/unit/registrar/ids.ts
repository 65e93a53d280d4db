// Entry IDs of the registrar: deterministic per agent and component, inside the ownership prefix, within
// SPIRE's ID rules (sqlstore.go validateRegistrationEntry: ≤255 bytes of [A-Za-z0-9._-]).
import t from 'tap';
import {
  agentKey,
  isNodeEntryId,
  nodeEntryId,
  parseNodeEntryId,
  prefixProblem,
  roleOfRecordId,
  roleRecordId,
} from '../../../registrar/ids.js';

const A = 'spiffe://example.org/spire/agent/aws_iid/111111111111/eu-west-1/i-0aaaaaaaaaaaaaaa1';
const B = 'spiffe://example.org/spire/agent/aws_iid/111111111111/eu-west-1/i-0bbbbbbbbbbbbbbb2';

t.test('the same agent and component always give the same ID (every registrar agrees)', (t) => {
  t.equal(nodeEntryId('p.', A, 'worker', 'kubelet'), nodeEntryId('p.', A, 'worker', 'kubelet'));
  t.equal(agentKey(A), agentKey(A));
  t.end();
});

t.test('different agents, roles or components give different IDs', (t) => {
  const ids = new Set([
    nodeEntryId('p.', A, 'worker', 'kubelet'),
    nodeEntryId('p.', B, 'worker', 'kubelet'),
    nodeEntryId('p.', A, 'worker', 'kube-proxy'),
    nodeEntryId('p.', A, 'master', 'kubelet'),
  ]);
  t.equal(ids.size, 4);
  t.end();
});

t.test('node entry IDs sit under <prefix>node., are valid SPIRE IDs and parse back', (t) => {
  const longest = nodeEntryId('x'.repeat(64), A, 'r'.repeat(64), 'c'.repeat(64));
  t.ok(Buffer.byteLength(longest) <= 255, `longest possible ID is ${Buffer.byteLength(longest)} bytes`);
  t.match(longest, /^[A-Za-z0-9._-]+$/);
  const id = nodeEntryId('node-registrar.', A, 'worker', 'kube-proxy');
  t.match(id, /^node-registrar\.node\.[0-9a-f]{32}\.worker\.kube-proxy$/);
  t.ok(isNodeEntryId('node-registrar.', id));
  t.same(parseNodeEntryId('node-registrar.', id), {
    agentKey: agentKey(A),
    role: 'worker',
    component: 'kube-proxy',
  });
  t.end();
});

t.test('IDs it did not make do not parse as its own', (t) => {
  const rows: [string, string][] = [
    ['another prefix', 'tf-node.0123456789abcdef0123456789abcdef.worker.kubelet'],
    ['a short agent key', 'node-registrar.node.0123.worker.kubelet'],
    ['a missing component', 'node-registrar.node.0123456789abcdef0123456789abcdef.worker'],
    ['an extra part', 'node-registrar.node.0123456789abcdef0123456789abcdef.worker.kubelet.x'],
  ];
  for (const [name, id] of rows) t.equal(parseNodeEntryId('node-registrar.', id), undefined, name);
  t.end();
});

t.test('role record IDs: <prefix>role.<name>', (t) => {
  t.equal(roleRecordId('node-registrar.', 'worker'), 'node-registrar.role.worker');
  t.equal(roleOfRecordId('node-registrar.', 'node-registrar.role.worker'), 'worker');
  t.equal(
    roleOfRecordId('node-registrar.', 'node-registrar.role.a.b'),
    undefined,
    'a dot is not a role name',
  );
  t.equal(roleOfRecordId('node-registrar.', 'tf-role.worker'), undefined);
  t.end();
});

t.test('the prefix must be a usable entry ID start', (t) => {
  t.equal(prefixProblem('node-registrar.'), undefined);
  t.match(prefixProblem(''), /empty/);
  t.match(prefixProblem('a/b'), /letters, digits/);
  t.match(prefixProblem('x'.repeat(65)), /at most 64/);
  t.end();
});
