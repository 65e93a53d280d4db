// Owner and group as vault-helper accepted them: a name or a number. Names are looked up in the passwd and
// group databases: the files first (what a Tarmak node uses), then `getent` for NSS sources (LDAP, sssd).
import { readFile } from 'node:fs/promises';
import { HelperError } from '../errors.js';

export interface AccountDatabases {
  /** Default /etc/passwd. */
  readonly passwdFile?: string;
  /** Default /etc/group. */
  readonly groupFile?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/;

/** Returns the uid for `value` (a user name or a number), looked up when it is a name. */
export function resolveUser(value: string, flag: string, db: AccountDatabases = {}): Promise<number> {
  return resolveId(value, flag, 'passwd', db.passwdFile ?? '/etc/passwd');
}

/** Returns the gid for `value` (a group name or a number), looked up when it is a name. */
export function resolveGroup(value: string, flag: string, db: AccountDatabases = {}): Promise<number> {
  return resolveId(value, flag, 'group', db.groupFile ?? '/etc/group');
}

async function resolveId(
  value: string,
  flag: string,
  database: 'passwd' | 'group',
  file: string,
): Promise<number> {
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) {
    const id = Number(text);
    if (id > 0xfffffffe) throw notFound(value, flag, database, 'is out of range (at most 4294967294)');
    return id;
  }
  if (!NAME.test(text))
    throw notFound(
      value,
      flag,
      database,
      `is neither a number nor a ${database === 'passwd' ? 'user' : 'group'} name`,
    );
  const fromFile = await lookupFile(file, text);
  if (fromFile !== undefined) return fromFile;
  const fromNss = await lookupGetent(database, text);
  if (fromNss !== undefined) return fromNss;
  throw notFound(
    value,
    flag,
    database,
    `names no ${database === 'passwd' ? 'user' : 'group'} (looked in ${file} and getent ${database})`,
  );
}

/** Returns the id column (third field) of the line for `name` in a passwd/group style file. */
async function lookupFile(file: string, name: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === name && fields[2] !== undefined && /^[0-9]+$/.test(fields[2])) return Number(fields[2]);
  }
  return undefined;
}

async function lookupGetent(database: 'passwd' | 'group', name: string): Promise<number | undefined> {
  try {
    // Loaded on first use: names in /etc/passwd and numeric ids, the common cases, need no child process.
    const { execa } = await import('execa');
    const result = await execa('getent', [database, name], { reject: false, timeout: 10_000 });
    if (result.exitCode !== 0) return undefined;
    const id = result.stdout.split(':')[2];
    return id !== undefined && /^[0-9]+$/.test(id) ? Number(id) : undefined;
  } catch {
    return undefined;
  }
}

function notFound(value: string, flag: string, database: 'passwd' | 'group', why: string): HelperError {
  return new HelperError('CONFIG_INVALID', 'flags', `--${flag} ${JSON.stringify(value)} ${why}`, {
    details: { flag, value, database },
  });
}
