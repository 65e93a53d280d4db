// Log lines the plugin host understands (go-plugin log_entry.go): one JSON object per line with @level and
// @message; @timestamp in go-hclog's layout.
import t from 'tap';
import { createLogger, hclogTimestamp, levelFromEnv } from '../../../src/goplugin/logger.js';

t.test('each entry is one JSON line with @level, @message, @module and the fields', (t) => {
  const lines: string[] = [];
  const log = createLogger({
    module: 'provider.x',
    level: 'debug',
    write: (l) => lines.push(l),
    now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)),
  });
  log.info('served request', { rpc: 'ReadResource', '@level': 'forged' });
  t.equal(lines.length, 1);
  t.ok(lines[0]!.endsWith('\n'));
  t.strictSame(JSON.parse(lines[0]!), {
    '@level': 'info',
    '@message': 'served request',
    '@module': 'provider.x',
    '@timestamp': '2026-01-02T03:04:05.678000Z',
    rpc: 'ReadResource',
  });
  t.end();
});

t.test('entries below the level are dropped', (t) => {
  const lines: string[] = [];
  const log = createLogger({ module: 'm', level: 'warn', write: (l) => lines.push(l) });
  log.debug('no');
  log.info('no');
  log.warn('yes');
  log.error('yes');
  t.equal(lines.length, 2);
  t.end();
});

t.test(
  'the level comes from the first variable that is set (Terraform: TF_LOG_PROVIDER, then TF_LOG)',
  (t) => {
    const terraform = { variables: ['TF_LOG_PROVIDER', 'TF_LOG'], fallback: 'info' } as const;
    t.equal(levelFromEnv({ TF_LOG_PROVIDER: 'DEBUG', TF_LOG: 'error' }, terraform), 'debug');
    t.equal(levelFromEnv({ TF_LOG: 'JSON' }, terraform), 'trace');
    t.equal(levelFromEnv({}, terraform), 'info');
    t.equal(levelFromEnv({ TF_LOG_PROVIDER: 'loud' }, terraform), 'info', 'unrecognised: the fallback');
    t.equal(levelFromEnv({}, { variables: [], fallback: 'debug' }), 'debug');
    t.end();
  },
);

t.test('timestamps have six fractional digits', (t) => {
  t.equal(hclogTimestamp(new Date(Date.UTC(2026, 10, 22, 10, 0, 0, 5))), '2026-11-22T10:00:00.005000Z');
  t.end();
});
