import t from 'tap';
import {
  checkKeyMode,
  formatDuration,
  formatMode,
  parseDuration,
  parseMode,
} from '../../../helper/values.js';

t.test('parseDuration reads Go-style durations plus days', (t) => {
  const rows: [string, number][] = [
    ['0', 0],
    ['250ms', 250],
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['720h', 2_592_000_000],
    ['30d', 2_592_000_000],
    ['1.5h', 5_400_000],
  ];
  for (const [text, ms] of rows) t.equal(parseDuration(text, 'renew-before'), ms, text);
  t.end();
});

t.test('parseDuration rejects text without units and names the flag', (t) => {
  for (const text of ['', '12', '1x', 'h', '-5m', '5 m', '1h-30m']) {
    t.throws(
      () => parseDuration(text, 'wait-timeout'),
      {
        code: 'CONFIG_INVALID',
        message: /^flags: --wait-timeout ".*" is not valid; expected a duration/,
      },
      JSON.stringify(text),
    );
  }
  t.end();
});

t.test('formatDuration prints the largest units', (t) => {
  t.equal(formatDuration(0), '0s');
  t.equal(formatDuration(500), '500ms');
  t.equal(formatDuration(9_000_000), '2h30m');
  t.equal(formatDuration(93_600_000), '1d2h');
  t.equal(formatDuration(-61_000), '-1m1s');
  t.end();
});

t.test('parseMode reads octal permission bits only', (t) => {
  t.equal(parseMode('0644', 'mode'), 0o644);
  t.equal(parseMode('600', 'key-mode'), 0o600);
  t.equal(parseMode('0o640', 'mode'), 0o640);
  for (const bad of ['999', '64', 'rw-r--r--', '4755', '07777']) {
    t.throws(() => parseMode(bad, 'key-mode'), { code: 'CONFIG_INVALID', message: /--key-mode/ }, bad);
  }
  t.equal(formatMode(0o600), '0600');
  t.equal(formatMode(0o40), '0040');
  t.end();
});

t.test('a key mode may never give "other" any access, nor lock the owner out', (t) => {
  t.doesNotThrow(() => {
    checkKeyMode(0o600, 'key-mode');
  });
  t.doesNotThrow(() => {
    checkKeyMode(0o640, 'key-mode');
  }, 'group read is an explicit operator choice');
  t.throws(
    () => {
      checkKeyMode(0o644, 'key-mode');
    },
    { code: 'CONFIG_INVALID', message: /--key-mode 0644 gives "other" users access/ },
  );
  t.throws(
    () => {
      checkKeyMode(0o601, 'key-mode');
    },
    { code: 'CONFIG_INVALID' },
  );
  t.throws(
    () => {
      checkKeyMode(0o200, 'key-mode');
    },
    { code: 'CONFIG_INVALID', message: /does not let the owner read/ },
  );
  t.end();
});
