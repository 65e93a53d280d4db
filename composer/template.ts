// Templates for subject fields and SANs: text with placeholders. "{name}" is a segment the rule's pattern
// captured; "{trust_domain}" and "{spiffe_id}" describe the SVID; "{dns_sans[0]}" is the registration
// entry's first DNS name (what SPIRE passes as the DNS SANs).

export type TemplatePart =
  | { readonly literal: string }
  | { readonly capture: string }
  | { readonly builtin: 'trust_domain' | 'spiffe_id' }
  | { readonly dnsSan: number };

export interface Template {
  readonly text: string;
  readonly parts: readonly TemplatePart[];
}

/** What a template is rendered with. */
export interface TemplateContext {
  readonly captures: ReadonlyMap<string, string>;
  readonly trustDomain: string;
  readonly spiffeId: string;
  readonly dnsSans: readonly string[];
}

const placeholder = /\{([^{}]*)\}/g;
const dnsSanPlaceholder = /^dns_sans\[(\d+)\]$/;

/**
 * Returns the compiled template, or the problems with it as sentences. `captures` are the names the
 * rule's pattern captures.
 */
export function compileTemplate(
  text: string,
  captures: readonly string[],
): { template: Template } | { problems: string[] } {
  const problems: string[] = [];
  const parts: TemplatePart[] = [];
  let last = 0;
  const literal = (chunk: string): void => {
    if (chunk.includes('{') || chunk.includes('}'))
      problems.push(`unbalanced "{" or "}" in ${JSON.stringify(text)}`);
    else if (chunk !== '') parts.push({ literal: chunk });
  };
  for (const m of text.matchAll(placeholder)) {
    literal(text.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[1] ?? '';
    const dns = dnsSanPlaceholder.exec(name)?.[1];
    if (dns !== undefined) parts.push({ dnsSan: Number(dns) });
    else if (name === 'trust_domain' || name === 'spiffe_id') parts.push({ builtin: name });
    else if (captures.includes(name)) parts.push({ capture: name });
    else {
      const known = [...captures.map((c) => `{${c}}`), '{trust_domain}', '{spiffe_id}', '{dns_sans[N]}'];
      problems.push(`unknown placeholder {${name}}; known here: ${known.join(', ')}`);
    }
  }
  literal(text.slice(last));
  return problems.length > 0 ? { problems } : { template: { text, parts } };
}

/**
 * Returns the rendered text, or the reason it cannot be rendered (a DNS name the entry does not have).
 */
export function renderTemplate(
  template: Template,
  context: TemplateContext,
): { text: string } | { missing: string } {
  let out = '';
  for (const part of template.parts) {
    if ('literal' in part) out += part.literal;
    else if ('capture' in part) out += context.captures.get(part.capture) ?? '';
    else if ('builtin' in part)
      out += part.builtin === 'trust_domain' ? context.trustDomain : context.spiffeId;
    else {
      const name = context.dnsSans[part.dnsSan];
      if (name === undefined) {
        return {
          missing: `{dns_sans[${part.dnsSan}]} needs ${part.dnsSan + 1} DNS name(s); the entry has ${context.dnsSans.length}`,
        };
      }
      out += name;
    }
  }
  return { text: out };
}

/** Returns the single capture a template consists of, or undefined when it has anything else. */
export function soleCapture(template: Template): string | undefined {
  const [only, ...rest] = template.parts;
  return rest.length === 0 && only !== undefined && 'capture' in only ? only.capture : undefined;
}
