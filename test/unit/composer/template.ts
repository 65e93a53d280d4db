// Templates: captured segments, the SVID's own names and the entry's DNS names.
import t from 'tap';
import { compileTemplate, renderTemplate, soleCapture, type Template } from '../../../composer/template.js';

function template(text: string, captures: readonly string[] = ['fqdn', 'ip']): Template {
  const out = compileTemplate(text, captures);
  if ('problems' in out) throw new Error(out.problems.join('; '));
  return out.template;
}

const context = {
  captures: new Map([
    ['fqdn', 'n1.example'],
    ['ip', '10.0.0.7'],
  ]),
  trustDomain: 'cluster.example',
  spiffeId: 'spiffe://cluster.example/k8s/c/node/n1.example/kubelet',
  dnsSans: ['api.c.example', 'n1.example'],
};

t.test('placeholders are replaced by captures, the trust domain, the SPIFFE ID and DNS names', (t) => {
  t.strictSame(renderTemplate(template('system:node:{fqdn}'), context), { text: 'system:node:n1.example' });
  t.strictSame(renderTemplate(template('{trust_domain}|{spiffe_id}'), context), {
    text: 'cluster.example|spiffe://cluster.example/k8s/c/node/n1.example/kubelet',
  });
  t.strictSame(renderTemplate(template('{dns_sans[1]}-{dns_sans[0]}'), context), {
    text: 'n1.example-api.c.example',
  });
  t.strictSame(renderTemplate(template('plain text'), context), { text: 'plain text' });
  t.end();
});

t.test('a DNS name the entry does not have cannot be rendered, and says so', (t) => {
  t.strictSame(renderTemplate(template('{dns_sans[2]}'), context), {
    missing: '{dns_sans[2]} needs 3 DNS name(s); the entry has 2',
  });
  t.end();
});

t.test('an unknown placeholder is refused, listing the known ones', (t) => {
  const out = compileTemplate('system:node:{fqnd}', ['cluster', 'fqdn']);
  t.strictSame(out, {
    problems: [
      'unknown placeholder {fqnd}; known here: {cluster}, {fqdn}, {trust_domain}, {spiffe_id}, {dns_sans[N]}',
    ],
  });
  t.end();
});

t.test('a stray brace is refused', (t) => {
  t.match(compileTemplate('a}b', []), { problems: [/unbalanced "\{" or "\}"/] });
  t.match(compileTemplate('{fqdn', ['fqdn']), { problems: [/unbalanced/] });
  t.end();
});

t.test('soleCapture recognises a template that is exactly one capture', (t) => {
  t.equal(soleCapture(template('{ip}')), 'ip');
  t.equal(soleCapture(template('{ip}x')), undefined);
  t.equal(soleCapture(template('{trust_domain}')), undefined);
  t.end();
});
