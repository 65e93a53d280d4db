// The composer's configuration: a JSON document with an ordered list of rules. SPIRE passes the plugin
// data as text: plugin_data_file's bytes as they are, or a plugin_data block re-printed as HCL
// (spire pkg/common/catalog/config.go FileData, pluginConfigFromHCL), so the rules come in a JSON file
// named by plugin_data_file. Parsing checks everything and returns either complete rules or every problem
// found, each naming its rule and field: a caller can never apply half a configuration.
import { ComposerError } from './errors.js';
import { compilePattern, type PathPattern } from './pattern.js';
import { ipAddressBytes } from './san.js';
import { compileTemplate, soleCapture, type Template } from './template.js';

/** Subject fields a rule may set; each one set replaces that field of the subject SPIRE proposes. */
export interface SubjectRule {
  readonly commonName?: Template;
  readonly organization?: readonly Template[];
  readonly organizationalUnit?: readonly Template[];
  readonly country?: readonly Template[];
}

/** An IP SAN: a fixed address, or the path segment a capture holds (checked when the rule applies). */
export type IpSanRule =
  { readonly address: Uint8Array; readonly text: string } | { readonly capture: string };

export interface Rule {
  /** Zero-based position in the list; rules are tried in order and the first match applies. */
  readonly index: number;
  readonly name?: string;
  readonly pattern: PathPattern;
  readonly subject: SubjectRule;
  /** Added after the entry's own DNS names. */
  readonly dnsSans: readonly Template[];
  readonly ipSans: readonly IpSanRule[];
}

/** A complete, checked rule set. */
export interface ComposerRules {
  readonly rules: readonly Rule[];
}

/** Returns "rules[3] (kube-apiserver)" or "rules[3]", the way every note names a rule. */
export function ruleLabel(rule: { readonly index: number; readonly name?: string | undefined }): string {
  return rule.name === undefined ? `rules[${rule.index}]` : `rules[${rule.index}] (${rule.name})`;
}

const topLevelFields = ['description', 'rules'];
const ruleFields = ['name', 'description', 'match', 'subject', 'dns_sans', 'ip_sans'];
const subjectFields = ['common_name', 'organization', 'organizational_unit', 'country'] as const;
type SubjectField = (typeof subjectFields)[number];
const subjectKeys: Record<SubjectField, keyof SubjectRule> = {
  common_name: 'commonName',
  organization: 'organization',
  organizational_unit: 'organizationalUnit',
  country: 'country',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownFields(value: Record<string, unknown>, known: readonly string[], where: string): string[] {
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => `${where}: unknown field ${JSON.stringify(k)}; known fields: ${known.join(', ')}`);
}

/** Compiles one rule, or adds its problems to `problems` and returns undefined. */
function compileRule(raw: unknown, index: number, names: Set<string>, problems: string[]): Rule | undefined {
  if (!isObject(raw)) {
    problems.push(`rules[${index}]: must be an object`);
    return undefined;
  }
  const before = problems.length;
  const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined;
  const label = ruleLabel({ index, name });
  if (raw.name !== undefined && name === undefined)
    problems.push(`${label}.name: must be a non-empty string`);
  if (name !== undefined) {
    if (names.has(name))
      problems.push(`${label}.name: another rule is already named ${JSON.stringify(name)}`);
    names.add(name);
  }
  if (raw.description !== undefined && typeof raw.description !== 'string')
    problems.push(`${label}.description: must be a string`);
  problems.push(...unknownFields(raw, ruleFields, label));

  let pattern: PathPattern | undefined;
  if (typeof raw.match !== 'string') {
    problems.push(
      `${label}.match: required, a SPIFFE ID path pattern like "/k8s/{cluster}/node/{fqdn}/kubelet"`,
    );
  } else {
    const compiled = compilePattern(raw.match);
    if ('problems' in compiled) problems.push(...compiled.problems.map((p) => `${label}.match: ${p}`));
    else pattern = compiled.pattern;
  }
  const captures = pattern?.captures ?? [];

  const template = (value: unknown, where: string): Template | undefined => {
    if (typeof value !== 'string') {
      problems.push(`${where}: must be a string`);
      return undefined;
    }
    const compiled = compileTemplate(value, captures);
    if ('problems' in compiled) {
      // Placeholders cannot be judged against a pattern that did not compile.
      if (pattern !== undefined) problems.push(...compiled.problems.map((p) => `${where}: ${p}`));
      return undefined;
    }
    return compiled.template;
  };
  const templates = (value: unknown, where: string): Template[] | undefined => {
    if (!Array.isArray(value)) {
      problems.push(`${where}: must be a list of strings`);
      return undefined;
    }
    const out = value.map((v, i) => template(v, `${where}[${i}]`));
    return out.every((t) => t !== undefined) ? out : undefined;
  };

  const subject: Record<string, Template | Template[]> = {};
  if (raw.subject !== undefined) {
    if (!isObject(raw.subject)) problems.push(`${label}.subject: must be an object`);
    else {
      problems.push(...unknownFields(raw.subject, subjectFields, `${label}.subject`));
      for (const field of subjectFields) {
        const value = raw.subject[field];
        if (value === undefined) continue;
        const where = `${label}.subject.${field}`;
        const compiled = field === 'common_name' ? template(value, where) : templates(value, where);
        if (compiled !== undefined) subject[subjectKeys[field]] = compiled;
      }
    }
  }

  const dnsSans = raw.dns_sans === undefined ? [] : templates(raw.dns_sans, `${label}.dns_sans`);

  const ipSans: IpSanRule[] = [];
  if (raw.ip_sans !== undefined) {
    if (!Array.isArray(raw.ip_sans)) problems.push(`${label}.ip_sans: must be a list of strings`);
    else
      raw.ip_sans.forEach((value: unknown, i) => {
        const where = `${label}.ip_sans[${i}]`;
        if (typeof value !== 'string') {
          problems.push(`${where}: must be a string`);
          return;
        }
        const address = ipAddressBytes(value);
        if (address !== undefined) {
          ipSans.push({ address, text: value });
          return;
        }
        const compiled = template(value, where);
        const capture = compiled === undefined ? undefined : soleCapture(compiled);
        if (capture !== undefined) ipSans.push({ capture });
        else if (compiled !== undefined)
          problems.push(
            `${where}: must be an IP address or a single capture like "{ip}"; got ${JSON.stringify(value)}`,
          );
      });
  }

  if (problems.length > before || pattern === undefined || dnsSans === undefined) return undefined;
  return { index, ...(name === undefined ? {} : { name }), pattern, subject, dnsSans, ipSans };
}

/**
 * Returns the rules in `text` (a JSON document), or throws ComposerError CONFIG_INVALID whose notes list
 * every problem, each naming its rule and field.
 */
export function parseComposerConfig(text: string): ComposerRules {
  if (text.trim() === '') {
    throw new ComposerError('CONFIG_INVALID', [
      'configuration is empty: set plugin_data_file to a JSON rules file (for example composer/rules/tarmak.json)',
    ]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ComposerError(
      'CONFIG_INVALID',
      [
        `configuration is not JSON (${reason}); use plugin_data_file with a JSON rules file: a plugin_data block reaches the plugin as HCL`,
      ],
      { cause: err },
    );
  }
  if (!isObject(doc))
    throw new ComposerError('CONFIG_INVALID', ['configuration must be a JSON object with "rules"']);
  const problems = unknownFields(doc, topLevelFields, 'configuration');
  if (doc.description !== undefined && typeof doc.description !== 'string')
    problems.push('description: must be a string');
  const rules: Rule[] = [];
  if (!Array.isArray(doc.rules) || doc.rules.length === 0) {
    problems.push('rules: required, a non-empty list of rules');
  } else {
    const names = new Set<string>();
    doc.rules.forEach((raw: unknown, i) => {
      const rule = compileRule(raw, i, names, problems);
      if (rule !== undefined) rules.push(rule);
    });
  }
  if (problems.length > 0) throw new ComposerError('CONFIG_INVALID', problems);
  return { rules };
}

/** Returns whether `text` is a usable configuration, with notes for a person (SPIRE's Validate). */
export function validateComposerConfig(text: string): { valid: boolean; notes: string[] } {
  try {
    const { rules } = parseComposerConfig(text);
    return { valid: true, notes: [`configuration valid: ${rules.length} rule(s)`] };
  } catch (err) {
    if (err instanceof ComposerError) return { valid: false, notes: [...err.notes] };
    throw err;
  }
}
