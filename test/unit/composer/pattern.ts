// SPIFFE ID path patterns: literal segments and whole-segment captures.
import t from 'tap';
import { compilePattern, type PathPattern } from '../../../composer/pattern.js';

function pattern(text: string): PathPattern {
  const out = compilePattern(text);
  if ('problems' in out) throw new Error(out.problems.join('; '));
  return out.pattern;
}

function problems(text: string): string[] {
  const out = compilePattern(text);
  return 'problems' in out ? out.problems : [];
}

t.test('a {name} segment matches any one segment and captures it', (t) => {
  const p = pattern('/k8s/{cluster}/node/{fqdn}/kubelet');
  t.strictSame(p.captures, ['cluster', 'fqdn']);
  t.strictSame(
    Object.fromEntries(p.match('/k8s/c1/node/ip-10-0-1-5.eu-west-1.compute.internal/kubelet') ?? []),
    { cluster: 'c1', fqdn: 'ip-10-0-1-5.eu-west-1.compute.internal' },
  );
  t.end();
});

t.test('literal segments must be equal, case included', (t) => {
  const p = pattern('/k8s/{cluster}/node/{fqdn}/kubelet');
  t.equal(p.match('/k8s/c1/node/n1/kube-proxy'), undefined);
  t.equal(p.match('/K8S/c1/node/n1/kubelet'), undefined);
  t.end();
});

t.test('the path must have exactly as many segments as the pattern', (t) => {
  const p = pattern('/k8s/{cluster}/node/{fqdn}/kubelet');
  t.equal(p.match('/k8s/c1/node/n1/kubelet/extra'), undefined);
  t.equal(p.match('/k8s/c1/node/kubelet'), undefined);
  t.equal(p.match(''), undefined, 'the trust domain ID itself has no path');
  t.end();
});

t.test('a pattern must start with "/" and have no empty segments', (t) => {
  t.match(problems('k8s/{cluster}'), [/must start with "\/"/]);
  t.match(problems('/k8s//x'), [/segment 2 \(""\): empty segment/]);
  t.match(problems('/k8s/x/'), [/segment 3 \(""\): empty segment/]);
  t.end();
});

t.test('a capture is a whole lower-case segment, captured once, not a built-in name', (t) => {
  t.match(problems('/node-{n}'), [/segment 1 .*a capture is a whole segment/]);
  t.match(problems('/{Fqdn}'), [/a capture is a whole segment named in lower case/]);
  t.match(problems('/{a}/{a}'), [/segment 2 .*\{a\} is captured twice/]);
  t.match(problems('/{trust_domain}'), [/\{trust_domain\} is built in/]);
  t.match(problems('/{dns_sans}'), [/\{dns_sans\} is built in/]);
  t.end();
});

t.test('literal segments follow SPIFFE ID path rules (SPIFFE-ID §2.2)', (t) => {
  t.match(problems('/a b'), [/letters, digits, "\.", "-" and "_"/]);
  t.match(problems('/a/../b'), [/segment 2 \("\.\."\)/]);
  t.match(problems('/./b'), [/segment 1 \("\."\)/]);
  t.strictSame(problems('/A.b-c_d/9'), []);
  t.end();
});
