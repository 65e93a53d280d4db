// Log lines: the text and JSON shapes, join tokens redacted everywhere, recurring problems not repeated
// every cycle.
import t from 'tap';
import { RecurringNotices, createLogger, redact } from '../../../registrar/log.js';

t.test('text lines: name, level, message, key=value (quoted when needed)', (t) => {
  const lines: string[] = [];
  const log = createLogger({ level: 'info', write: (l) => lines.push(l) });
  log.debug('hidden below the level');
  log.info('created entries', { created: 2, role: 'worker', problem: 'two words', roles: ['a', 'b'] });
  t.same(lines, [
    'spire-node-registrar: info: created entries created=2 role=worker problem="two words" roles=a,b\n',
  ]);
  t.end();
});

t.test('JSON lines: one object per line with time, level, msg and the fields', (t) => {
  const lines: string[] = [];
  const log = createLogger({
    format: 'json',
    write: (l) => lines.push(l),
    now: () => new Date('2024-05-01T00:00:00Z'),
  });
  log.error('cycle failed', { code: 'SPIRE_API_UNAVAILABLE' });
  t.same(JSON.parse(lines[0] ?? ''), {
    time: '2024-05-01T00:00:00.000Z',
    level: 'error',
    logger: 'spire-node-registrar',
    msg: 'cycle failed',
    code: 'SPIRE_API_UNAVAILABLE',
  });
  t.end();
});

t.test('join tokens in agent IDs are redacted in messages and fields, text and JSON', (t) => {
  const id = 'spiffe://example.org/spire/agent/join_token/5b1c2d3e-aaaa-bbbb-cccc-0123456789ab';
  t.equal(
    redact(`agent ${id} is gone`),
    'agent spiffe://example.org/spire/agent/join_token/<redacted> is gone',
  );
  for (const format of ['text', 'json'] as const) {
    const lines: string[] = [];
    const log = createLogger({ format, write: (l) => lines.push(l) });
    log.warn(`about ${id}`, { agent: id, error: `"${id}" not found` });
    t.notMatch(lines.join(''), '5b1c2d3e', format);
    t.match(lines.join(''), '<redacted>', format);
  }
  t.end();
});

t.test(
  'a recurring notice is logged when it appears, again after repeatMs, and again if it comes back',
  (t) => {
    let now = 0;
    const notices = new RecurringNotices({ repeatMs: 1000, now: () => now });
    const logged: number[] = [];
    const cycle = (present: boolean) => {
      if (present) notices.notice('x', () => logged.push(now));
      notices.endCycle();
    };
    cycle(true); // logged at 0
    now = 500;
    cycle(true); // quiet
    now = 1000;
    cycle(true); // logged again: repeatMs passed
    now = 1100;
    cycle(false); // gone
    now = 1200;
    cycle(true); // back: logged
    t.same(logged, [0, 1000, 1200]);
    t.end();
  },
);
