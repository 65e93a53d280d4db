// A small HCL writer for SPIRE's server.conf and agent.conf, and a structural check of what it wrote.
//
// SPIRE reads its configuration with HCL version 1 (hashicorp/hcl v1: spire cmd/spire-server/cli/run/run.go
// and cmd/spire-agent/cli/run/run.go decode with `hcl.Decode`, plugin bodies are `ast.Node`), while the
// maintained parsers today speak HCL 2. The writer therefore keeps to the syntax both read the same way:
// `name = value` attributes, `type "label" { }` blocks, double-quoted strings with \\ \" \n \r \t and
// \uXXXX escapes, `[a, b]` lists and `{ k = v }` objects. Two things differ between the versions:
// - `${…}` inside a string: HCL 1 keeps it as text (SPIRE's `-expandEnv` replaces `${NAME}` with an
//   environment variable before parsing, doc/spire_server.md), HCL 2 reads it as a template. Strings may
//   therefore hold `${NAME}` references only; anything else after `${` is refused (HCL 1 would also
//   swallow the closing quote of an unbalanced `${`).
// - `%{` is plain text in HCL 1 and a template directive in HCL 2; the structural check escapes it.
import { createHash } from 'node:crypto';
import { parseHcl2 } from './hcl2-parser.js';

/** A string that must not appear in plan output: rendered as is, or as a placeholder in redacted text. */
export class Secret {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

export type HclValue =
  string | number | boolean | Secret | readonly HclValue[] | { readonly [key: string]: HclValue | undefined };

export interface HclAttribute {
  readonly kind: 'attribute';
  readonly name: string;
  readonly value: HclValue;
}

export interface HclBlock {
  readonly kind: 'block';
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: readonly HclItem[];
}

export interface HclComment {
  readonly kind: 'comment';
  readonly text: string;
}

export type HclItem = HclAttribute | HclBlock | HclComment;

/** What a body may list: undefined entries (an optional setting left unset) are skipped. */
export type HclBody = readonly (HclItem | undefined)[];

/** The placeholder redacted text shows instead of a secret. */
export const REDACTED = '(sensitive)';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Returns an attribute, or undefined (left out) when `value` is null or undefined. */
export function attr(name: string, value: HclValue | null | undefined): HclAttribute | undefined {
  if (value === null || value === undefined) return undefined;
  return { kind: 'attribute', name, value };
}

/** Returns a block `type "label"… { body }`. */
export function block(type: string, labels: readonly string[], body: HclBody): HclBlock {
  return { kind: 'block', type, labels, body: body.filter((i): i is HclItem => i !== undefined) };
}

/** Returns a `#` comment line (one per line of `text`). */
export function comment(text: string): HclComment {
  return { kind: 'comment', text };
}

/** Returns the HCL text of a body; `redact` replaces every Secret by a placeholder string. */
export function renderHcl(body: HclBody, options: { readonly redact?: boolean } = {}): string {
  const lines: string[] = [];
  writeBody(body, 0, lines, options.redact === true);
  return `${lines.join('\n')}\n`;
}

function writeBody(body: HclBody, depth: number, lines: string[], redact: boolean): void {
  const indent = '  '.repeat(depth);
  for (const item of body) {
    if (item === undefined) continue;
    switch (item.kind) {
      case 'comment':
        for (const line of item.text.split('\n')) lines.push(`${indent}# ${line}`.trimEnd());
        break;
      case 'attribute':
        lines.push(`${indent}${item.name} = ${formatValue(item.value, depth, redact)}`);
        break;
      case 'block': {
        const labels = item.labels.map((l) => ` ${quoteHclString(l)}`).join('');
        if (item.body.length === 0) {
          lines.push(`${indent}${item.type}${labels} {}`);
          break;
        }
        lines.push(`${indent}${item.type}${labels} {`);
        writeBody(item.body, depth + 1, lines, redact);
        lines.push(`${indent}}`);
        break;
      }
    }
  }
}

function formatValue(value: HclValue, depth: number, redact: boolean): string {
  if (value instanceof Secret) return quoteHclString(redact ? REDACTED : value.value);
  if (typeof value === 'string') return quoteHclString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`HCL: ${String(value)} is not a number HCL can hold`);
    return String(value);
  }
  if (Array.isArray(value)) {
    const items = (value as readonly HclValue[]).map((v) => formatValue(v, depth, redact));
    return `[${items.join(', ')}]`;
  }
  const entries = Object.entries(value as Readonly<Record<string, HclValue | undefined>>).filter(
    (e): e is [string, HclValue] => e[1] !== undefined,
  );
  if (entries.length === 0) return '{}';
  const inner = '  '.repeat(depth + 1);
  const body = entries.map(
    ([k, v]) =>
      `${inner}${IDENTIFIER.test(k) ? k : quoteHclString(k)} = ${formatValue(v, depth + 1, redact)}`,
  );
  return `{\n${body.join('\n')}\n${'  '.repeat(depth)}}`;
}

/** Returns `text` as a double-quoted HCL string literal readable by HCL 1 and HCL 2 alike. */
export function quoteHclString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Returns why `text` cannot be written as an HCL string for SPIRE, or undefined: every `${` must open an
 * environment variable reference `${NAME}` (SPIRE `-expandEnv`), see the file comment.
 */
export function stringProblem(text: string): string | undefined {
  let at = text.indexOf('${');
  while (at !== -1) {
    const reference = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}/.exec(text.slice(at));
    if (reference === null) {
      return 'may contain "${" only as an environment variable reference ${NAME} (for spire-server/spire-agent -expandEnv)';
    }
    at = text.indexOf('${', at + reference[0].length);
  }
  return undefined;
}

/**
 * Returns the JSON form of rendered HCL, parsed with HashiCorp's HCL 2 parser (@cdktf/hcl2json); throws
 * an Error naming the line when it does not parse. `%{` is escaped for the parse (HCL 1, which SPIRE
 * reads, has no template directives) and unescaped in the result; strings holding `${NAME}` come back
 * as their text, as hcl2json returns template sources.
 */
export async function parseRenderedHcl(text: string, filename: string): Promise<Record<string, unknown>> {
  try {
    return unescapeDirectives(await parseHcl2(filename, text.replaceAll('%{', '%%{'))) as Record<
      string,
      unknown
    >;
  } catch (err) {
    throw new Error(
      `${filename} does not parse as HCL: ${err instanceof Error ? err.message : String(err)}`,
      {
        cause: err,
      },
    );
  }
}

/** Returns parsed JSON with the `%%{` escapes of parseRenderedHcl undone in every string. */
function unescapeDirectives(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('%%{', '%{');
  if (Array.isArray(value)) return value.map(unescapeDirectives);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescapeDirectives(v)]));
  }
  return value;
}

/** Returns the lowercase hex SHA-256 of `text` (UTF-8). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
