// Templates in role rules: literal text with `{placeholder}`s. Role records store them as written in
// Terraform; the registrar fills them per node. Two contexts:
// - node templates (the role's `fqdn` and `ip`) may use only facts about the attested node:
//     {selector:<type>:<key>}   the value V of the agent's one selector "<type>:<key>:V"
//                               ({selector:aws_iid:instance:id} → i-0abc…, {selector:aws_iid:tag:Name} → web-1)
//     {ec2:private_dns_name}    EC2 DescribeInstances of the attested instance (registrar --ec2)
//     {ec2:private_ip}
// - component templates (a component's DNS names) may also use {fqdn}, {hostname} (the FQDN's first
//   label), {ip} and {cluster}.
// There is no escaping: DNS names and IP addresses cannot hold braces.

export type Placeholder =
  | { readonly kind: 'fqdn' | 'hostname' | 'ip' | 'cluster' }
  | { readonly kind: 'selector'; readonly type: string; readonly key: string }
  | { readonly kind: 'ec2'; readonly field: Ec2Field };

export type Ec2Field = 'private_dns_name' | 'private_ip';
export const EC2_FIELDS: readonly Ec2Field[] = ['private_dns_name', 'private_ip'];

export type TemplatePart = { readonly literal: string } | { readonly placeholder: Placeholder };

export interface Template {
  /** The template as written. */
  readonly text: string;
  readonly parts: readonly TemplatePart[];
}

export type TemplateContext = 'node' | 'component';

const NODE_PLACEHOLDERS = '{selector:<type>:<key>}, {ec2:private_dns_name}, {ec2:private_ip}';
const COMPONENT_PLACEHOLDERS = `{fqdn}, {hostname}, {ip}, {cluster}, ${NODE_PLACEHOLDERS}`;

/** Returns the parsed template, or a problem naming the bad placeholder and the ones allowed here. */
export function parseTemplate(text: string, context: TemplateContext): Template | string {
  if (text === '') return 'must not be empty';
  const parts: TemplatePart[] = [];
  let rest = text;
  while (rest !== '') {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (open < 0) {
      if (close >= 0) return `has a "}" without "{" in ${JSON.stringify(text)}`;
      parts.push({ literal: rest });
      break;
    }
    if (close >= 0 && close < open) return `has a "}" without "{" in ${JSON.stringify(text)}`;
    if (open > 0) parts.push({ literal: rest.slice(0, open) });
    const end = rest.indexOf('}', open);
    if (end < 0) return `has an unclosed "{" in ${JSON.stringify(text)}`;
    const name = rest.slice(open + 1, end);
    if (name.includes('{')) return `has a "{" inside a placeholder in ${JSON.stringify(text)}`;
    const placeholder = parsePlaceholder(name, context);
    if (typeof placeholder === 'string') return placeholder;
    parts.push({ placeholder });
    rest = rest.slice(end + 1);
  }
  return { text, parts };
}

function parsePlaceholder(name: string, context: TemplateContext): Placeholder | string {
  const allowed = context === 'node' ? NODE_PLACEHOLDERS : COMPONENT_PLACEHOLDERS;
  if (name === 'fqdn' || name === 'hostname' || name === 'ip' || name === 'cluster') {
    if (context === 'node')
      return `{${name}} is not known yet here: the node's fqdn and ip are built from ${allowed}`;
    return { kind: name };
  }
  if (name.startsWith('selector:')) {
    const rest = name.slice('selector:'.length);
    const colon = rest.indexOf(':');
    const type = colon < 0 ? rest : rest.slice(0, colon);
    const key = colon < 0 ? '' : rest.slice(colon + 1);
    if (type === '' || key === '')
      return `{${name}} must name a selector type and key, as in {selector:aws_iid:instance:id}`;
    return { kind: 'selector', type, key };
  }
  if (name.startsWith('ec2:')) {
    const field = name.slice('ec2:'.length);
    if (!(EC2_FIELDS as readonly string[]).includes(field))
      return `{${name}} is not an EC2 fact; known: ${EC2_FIELDS.map((f) => `{ec2:${f}}`).join(', ')}`;
    return { kind: 'ec2', field: field as Ec2Field };
  }
  return `unknown placeholder {${name}}; known here: ${allowed}`;
}

/** Returns the placeholders of the templates (each once, in order of appearance). */
export function placeholdersOf(templates: readonly Template[]): Placeholder[] {
  const seen = new Map<string, Placeholder>();
  for (const template of templates) {
    for (const part of template.parts) {
      if ('placeholder' in part) seen.set(placeholderText(part.placeholder), part.placeholder);
    }
  }
  return [...seen.values()];
}

/** Returns the placeholder as written, without braces ("selector:aws_iid:region"). */
export function placeholderText(placeholder: Placeholder): string {
  if (placeholder.kind === 'selector') return `selector:${placeholder.type}:${placeholder.key}`;
  if (placeholder.kind === 'ec2') return `ec2:${placeholder.field}`;
  return placeholder.kind;
}

/**
 * Returns the template with each placeholder replaced by `lookup`'s value, or the first placeholder
 * `lookup` has no value for.
 */
export function renderTemplate(
  template: Template,
  lookup: (placeholder: Placeholder) => string | undefined,
): { text: string } | { missing: Placeholder } {
  let text = '';
  for (const part of template.parts) {
    if ('literal' in part) {
      text += part.literal;
      continue;
    }
    const value = lookup(part.placeholder);
    if (value === undefined) return { missing: part.placeholder };
    text += value;
  }
  return { text };
}
