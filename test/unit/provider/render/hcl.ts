// The HCL writer: what it writes reads back, through HashiCorp's HCL parser, as exactly the values given,
// and the structural check rejects text that does not parse.
import t from 'tap';
import { parseHcl2 as parse } from '../../../../provider/render/hcl2-parser.js';
import {
  REDACTED,
  Secret,
  attr,
  block,
  comment,
  parseRenderedHcl,
  quoteHclString,
  renderHcl,
  sha256Hex,
  stringProblem,
} from '../../../../provider/render/hcl.js';

t.test('strings read back unchanged through the HCL parser', async (t) => {
  const samples = [
    'plain',
    'with "quotes" and \\ backslashes',
    'line one\nline two\r\n\ttabbed',
    'control \u0001\u001f\u007f characters',
    'unicode é ü 日本 🙂',
    'an env reference ${DB_PASSWORD} stays text',
    'a percent %{ sign',
    "host=db.internal port=5432 password=p@ss'w0rd sslmode=verify-full",
  ];
  for (const sample of samples) {
    const json = await parseRenderedHcl(renderHcl([attr('value', sample)]), 'sample.conf');
    // %{ is escaped for the HCL 2 parser only (HCL 1, which SPIRE reads, has no directives).
    t.equal(json.value, sample, JSON.stringify(sample));
  }
});

t.test('quoteHclString escapes exactly what HCL needs', (t) => {
  t.equal(quoteHclString('a"b'), '"a\\"b"');
  t.equal(quoteHclString('a\\b'), '"a\\\\b"');
  t.equal(quoteHclString('a\nb'), '"a\\nb"', 'no raw newline: HCL 1 ends a string there with an error');
  t.equal(quoteHclString('\u0001'), '"\\u0001"');
  t.equal(quoteHclString('é'), '"é"', 'UTF-8 kept as is');
  t.end();
});

t.test('blocks, labels, lists, numbers, booleans and objects keep their shape', async (t) => {
  const text = renderHcl([
    comment('a comment\nover two lines'),
    block(
      'server',
      [],
      [attr('bind_port', 8081), attr('enabled', true), attr('ids', ['a', 'b']), attr('unset', null)],
    ),
    block(
      'plugins',
      [],
      [
        block('NodeAttestor', ['join_token'], [block('plugin_data', [], [])]),
        block('KeyManager', ['disk'], [block('plugin_data', [], [attr('keys_path', '/k.json')])]),
        block('X', ['y'], [attr('obj', { plain: 1, 'needs quotes': 'v', nested: { list: [1, 2] } })]),
      ],
    ),
  ]);
  t.match(text, /^# a comment\n# over two lines\n/);
  t.notMatch(text, /unset/, 'a null attribute is left out');
  t.match(text, /NodeAttestor "join_token" \{\n {4}plugin_data \{\}\n/);
  const json = await parse('x.conf', text);
  t.strictSame(json, {
    server: [{ bind_port: 8081, enabled: true, ids: ['a', 'b'] }],
    plugins: [
      {
        NodeAttestor: { join_token: [{ plugin_data: [{}] }] },
        KeyManager: { disk: [{ plugin_data: [{ keys_path: '/k.json' }] }] },
        X: { y: [{ obj: { plain: 1, 'needs quotes': 'v', nested: { list: [1, 2] } } }] },
      },
    ],
  });
});

t.test('secrets are written in full, and replaced in redacted text', (t) => {
  const body = [attr('connection_string', new Secret('password=hunter2'))];
  t.match(renderHcl(body), /connection_string = "password=hunter2"/);
  const redacted = renderHcl(body, { redact: true });
  t.notMatch(redacted, /hunter2/);
  t.match(redacted, `connection_string = "${REDACTED}"`);
  t.end();
});

t.test('strings may hold ${NAME} for -expandEnv and nothing else after ${', (t) => {
  t.equal(stringProblem('password=${DB_PASSWORD}'), undefined);
  t.equal(stringProblem('a $ sign, $HOME and a } brace'), undefined);
  t.equal(stringProblem('${A}${B_2}'), undefined);
  t.match(stringProblem('${not closed'), /environment variable reference/);
  t.match(stringProblem('${a.b}'), /environment variable reference/);
  t.match(stringProblem('ok ${A} then ${'), /environment variable reference/);
  t.end();
});

t.test('the structural check rejects text that does not parse, naming the file', async (t) => {
  await t.rejects(
    parseRenderedHcl('server {\n  trust_domain = "x\n}\n', 'server.conf'),
    /server\.conf does not parse as HCL/,
  );
  await t.rejects(parseRenderedHcl('server {\n', 'agent.conf'), /agent\.conf does not parse as HCL/);
});

t.test('sha256Hex is the SHA-256 of the UTF-8 text', (t) => {
  t.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  t.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  t.end();
});
