// Configuration checking: every problem is reported, each naming its rule (index and name) and field.
import t from 'tap';
import { isComposerError } from '../../../composer/errors.js';
import { parseComposerConfig, validateComposerConfig } from '../../../composer/rules.js';

const kubelet = {
  name: 'kubelet',
  match: '/k8s/{cluster}/node/{fqdn}/kubelet',
  subject: { common_name: 'system:node:{fqdn}', organization: ['system:nodes'] },
};

function notes(config: unknown): string[] {
  const out = validateComposerConfig(typeof config === 'string' ? config : JSON.stringify(config));
  return out.valid ? [] : out.notes;
}

t.test('a good configuration is valid, with a note saying how many rules it has', (t) => {
  t.strictSame(validateComposerConfig(JSON.stringify({ rules: [kubelet] })), {
    valid: true,
    notes: ['configuration valid: 1 rule(s)'],
  });
  const { rules } = parseComposerConfig(
    JSON.stringify({ description: 'x', rules: [kubelet, { match: '/a' }] }),
  );
  t.equal(rules.length, 2);
  t.equal(rules[1]?.index, 1);
  t.equal(rules[1]?.name, undefined);
  t.end();
});

t.test('an empty configuration is refused, pointing at plugin_data_file', (t) => {
  t.match(notes(''), [/configuration is empty: set plugin_data_file/]);
  t.match(notes('  \n'), [/configuration is empty/]);
  t.end();
});

t.test('text that is not JSON is refused, explaining that plugin_data arrives as HCL', (t) => {
  t.match(notes('rules = []'), [/configuration is not JSON .*plugin_data block reaches the plugin as HCL/]);
  t.match(notes('[]'), [/must be a JSON object/]);
  t.end();
});

t.test('rules must be a non-empty list, and unknown top-level fields are refused', (t) => {
  t.match(notes({}), [/^rules: required, a non-empty list/]);
  t.match(notes({ rules: [] }), [/^rules: required/]);
  t.match(notes({ rules: [kubelet], rule: [] }), [/^configuration: unknown field "rule"/]);
  t.end();
});

t.test('a rule is named by index and name in every note', (t) => {
  t.strictSame(notes({ rules: [kubelet, { name: 'x', match: 'k8s' }] }), [
    'rules[1] (x).match: must start with "/", like "/k8s/{cluster}/node/{fqdn}/kubelet"',
  ]);
  t.strictSame(notes({ rules: [{ match: '/a' }, { match: 7 }] }), [
    'rules[1].match: required, a SPIFFE ID path pattern like "/k8s/{cluster}/node/{fqdn}/kubelet"',
  ]);
  t.match(notes({ rules: ['x'] }), ['rules[0]: must be an object']);
  t.end();
});

t.test('names are unique non-empty strings', (t) => {
  t.match(notes({ rules: [kubelet, { ...kubelet }] }), [
    /rules\[1\] \(kubelet\)\.name: another rule is already named "kubelet"/,
  ]);
  t.match(notes({ rules: [{ ...kubelet, name: '' }] }), [/rules\[0\]\.name: must be a non-empty string/]);
  t.end();
});

t.test('unknown fields in a rule or its subject are refused, listing the known ones', (t) => {
  t.match(notes({ rules: [{ ...kubelet, ipSans: [] }] }), [
    /rules\[0\] \(kubelet\): unknown field "ipSans"; known fields: name, description, match, subject, dns_sans, ip_sans/,
  ]);
  t.match(notes({ rules: [{ ...kubelet, subject: { organisation: ['x'] } }] }), [
    /rules\[0\] \(kubelet\)\.subject: unknown field "organisation"/,
  ]);
  t.end();
});

t.test('subject fields have the right shapes: common_name a string, the others lists of strings', (t) => {
  t.match(notes({ rules: [{ ...kubelet, subject: { common_name: ['a'] } }] }), [
    /rules\[0\] \(kubelet\)\.subject\.common_name: must be a string/,
  ]);
  t.match(notes({ rules: [{ ...kubelet, subject: { organization: 'system:nodes' } }] }), [
    /rules\[0\] \(kubelet\)\.subject\.organization: must be a list of strings/,
  ]);
  t.match(notes({ rules: [{ ...kubelet, subject: { country: [1] } }] }), [
    /rules\[0\] \(kubelet\)\.subject\.country\[0\]: must be a string/,
  ]);
  t.match(notes({ rules: [{ ...kubelet, subject: 'x' }] }), [
    /rules\[0\] \(kubelet\)\.subject: must be an object/,
  ]);
  t.end();
});

t.test('templates may use only the rule’s own captures and the built-ins', (t) => {
  t.strictSame(notes({ rules: [{ ...kubelet, subject: { common_name: 'system:node:{node}' } }] }), [
    'rules[0] (kubelet).subject.common_name: unknown placeholder {node}; known here: {cluster}, {fqdn}, {trust_domain}, {spiffe_id}, {dns_sans[N]}',
  ]);
  t.match(notes({ rules: [{ ...kubelet, dns_sans: ['{fqdn}', '{ip}'] }] }), [
    /rules\[0\] \(kubelet\)\.dns_sans\[1\]: unknown placeholder \{ip\}/,
  ]);
  t.end();
});

t.test('an IP SAN is an IP address or exactly one capture', (t) => {
  const rule = { name: 'api', match: '/k8s/{cluster}/node/{fqdn}/kube-apiserver/{ip}' };
  t.strictSame(notes({ rules: [{ ...rule, ip_sans: ['{ip}', '10.254.0.1', '::1'] }] }), []);
  t.strictSame(notes({ rules: [{ ...rule, ip_sans: ['10.254.0.256'] }] }), [
    'rules[0] (api).ip_sans[0]: must be an IP address or a single capture like "{ip}"; got "10.254.0.256"',
  ]);
  t.match(notes({ rules: [{ ...rule, ip_sans: ['ip-{ip}'] }] }), [
    /rules\[0\] \(api\)\.ip_sans\[0\]: must be an IP address/,
  ]);
  t.match(notes({ rules: [{ ...rule, ip_sans: ['{node_ip}'] }] }), [
    /rules\[0\] \(api\)\.ip_sans\[0\]: unknown placeholder \{node_ip\}/,
  ]);
  t.match(notes({ rules: [{ ...rule, ip_sans: '{ip}' }] }), [
    /rules\[0\] \(api\)\.ip_sans: must be a list of strings/,
  ]);
  t.end();
});

t.test('every problem in the file is reported at once, in order', (t) => {
  const found = notes({
    rules: [
      kubelet,
      { name: 'a', match: '/x/{y}', subject: { common_name: '{z}' }, ip_sans: ['nope'] },
      { name: 'b', match: '/x//y' },
    ],
  });
  t.match(found, [
    /rules\[1\] \(a\)\.subject\.common_name: unknown placeholder \{z\}/,
    /rules\[1\] \(a\)\.ip_sans\[0\]: must be an IP address/,
    /rules\[2\] \(b\)\.match: segment 2 \(""\): empty segment/,
  ]);
  t.equal(found.length, 3);
  t.end();
});

t.test('parseComposerConfig throws CONFIG_INVALID carrying the same notes', (t) => {
  const text = JSON.stringify({ rules: [{ name: 'x', match: 'k8s' }] });
  try {
    parseComposerConfig(text);
    t.fail('should throw');
  } catch (err) {
    t.ok(isComposerError(err, 'CONFIG_INVALID'));
    if (isComposerError(err)) t.strictSame(err.notes, validateComposerConfig(text).notes);
  }
  t.end();
});
