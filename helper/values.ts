// Parsers for the value syntaxes flags and presets share: durations, octal file modes, owners and groups.
// Each returns a value or throws a CONFIG_INVALID HelperError that names the flag and what was expected.
import { HelperError } from './errors.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

function configError(flag: string, value: string, expected: string): HelperError {
  return new HelperError(
    'CONFIG_INVALID',
    'flags',
    `--${flag} ${JSON.stringify(value)} is not valid; expected ${expected}`,
    {
      details: { flag, value },
    },
  );
}

/**
 * Returns the milliseconds in a duration written as Go writes them, plus days: "90s", "5m", "1h30m",
 * "720h", "30d", "250ms"; "0" is zero. A number without a unit is rejected (seconds or minutes?).
 */
export function parseDuration(value: string, flag: string): number {
  const text = value.trim();
  if (text === '0') return 0;
  const expected = 'a duration such as 90s, 15m, 1h30m, 720h or 30d (units ms, s, m, h, d)';
  if (!/^(?:[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h|d))+$/.test(text)) throw configError(flag, value, expected);
  let total = 0;
  for (const match of text.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)/g)) {
    const [, amount = '0', unit = 's'] = match;
    total += Number(amount) * (UNIT_MS[unit] ?? 0);
  }
  if (!Number.isFinite(total) || total > Number.MAX_SAFE_INTEGER) throw configError(flag, value, expected);
  return Math.round(total);
}

/** Returns a duration in the largest units that keep it short ("2h30m", "45s", "1d2h"). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  if (parts.length === 0) parts.push(`${rest}ms`);
  return sign + parts.join('');
}

/** Returns a permission mode from octal text ("0644", "644", "0o600"); only the 0777 bits are allowed. */
export function parseMode(value: string, flag: string): number {
  const text = value.trim().replace(/^0o/i, '');
  if (!/^[0-7]{3,4}$/.test(text)) throw configError(flag, value, 'an octal mode such as 0644 or 0600');
  const mode = Number.parseInt(text, 8);
  if (mode > 0o777) {
    throw configError(flag, value, 'permission bits only (at most 0777; no setuid, setgid or sticky bit)');
  }
  return mode;
}

/** Returns the mode as four octal digits ("0640"). */
export function formatMode(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

/**
 * Throws unless `mode` keeps a private key away from others: no bit for "other" at all. Group read is
 * allowed only because someone asked for it explicitly (a group-readable key is an operator's choice).
 */
export function checkKeyMode(mode: number, flag: string): void {
  if ((mode & 0o007) !== 0) {
    throw new HelperError(
      'CONFIG_INVALID',
      'flags',
      `--${flag} ${formatMode(mode)} gives "other" users access to a private key; use 0600 (or 0640 for a group)`,
      { details: { flag, value: formatMode(mode) } },
    );
  }
  if ((mode & 0o400) === 0) {
    throw new HelperError(
      'CONFIG_INVALID',
      'flags',
      `--${flag} ${formatMode(mode)} does not let the owner read the file; use 0600`,
      { details: { flag, value: formatMode(mode) } },
    );
  }
}
