// Role templates: which placeholders each context allows, and rendering.
import t from 'tap';
import { parseTemplate, renderTemplate, type Placeholder } from '../../../registrar/template.js';
import { templateProblem } from '../../../provider/resources/node-role.js';

t.test('node templates take only attested facts', (t) => {
  const rows: [string, string, RegExp | undefined][] = [
    [
      'selector placeholder',
      '{selector:aws_iid:instance:id}.{selector:aws_iid:region}.compute.internal',
      undefined,
    ],
    ['EC2 placeholders', '{ec2:private_dns_name}', undefined],
    ['literal text', 'node-1.example', undefined],
    ['{fqdn} is what a node template defines', '{fqdn}', /not known yet here/],
    ['a selector needs type and key', '{selector:aws_iid}', /must name a selector type and key/],
    ['unknown EC2 fact', '{ec2:public_ip}', /not an EC2 fact/],
    ['unknown placeholder', '{hostname_of_node}', /unknown placeholder \{hostname_of_node\}/],
    ['unclosed brace', 'a{fqdn', /unclosed/],
    ['stray closing brace', 'a}b', /without "\{"/],
    ['nested brace', '{a{b}', /inside a placeholder/],
    ['empty', '', /must not be empty/],
  ];
  for (const [name, text, problem] of rows) {
    const parsed = parseTemplate(text, 'node');
    if (problem === undefined) t.type(parsed, 'object', name);
    else t.match(parsed, problem, name);
    // The provider checks the same grammar at plan time.
    const planTime = templateProblem(text, 'node');
    if (problem === undefined) t.equal(planTime, undefined, `${name} (provider)`);
    else t.match(planTime, problem, `${name} (provider)`);
  }
  t.end();
});

t.test('component templates also take {fqdn}, {hostname}, {ip} and {cluster}', (t) => {
  for (const text of ['{fqdn}', '{hostname}.{cluster}.example', 'ip-{ip}', '{selector:aws_iid:tag:Name}']) {
    t.type(parseTemplate(text, 'component'), 'object', text);
    t.equal(templateProblem(text, 'component'), undefined, `${text} (provider)`);
  }
  t.end();
});

t.test('rendering replaces each placeholder; a missing value names the placeholder', (t) => {
  const template = parseTemplate('{hostname}.{cluster}.example', 'component');
  if (typeof template === 'string') throw new Error(template);
  const values: Record<string, string> = { hostname: 'ip-10-0-0-1', cluster: 'prod' };
  const lookup = (p: Placeholder) =>
    p.kind === 'hostname' || p.kind === 'cluster' ? values[p.kind] : undefined;
  t.same(renderTemplate(template, lookup), { text: 'ip-10-0-0-1.prod.example' });
  delete values.cluster;
  t.same(renderTemplate(template, lookup), { missing: { kind: 'cluster' } });
  t.end();
});
