// SPIFFE ID path patterns: "/k8s/{cluster}/node/{fqdn}/kubelet" matches a path segment by segment; a
// "{name}" segment matches any one segment and captures it. Literal segments follow the SPIFFE ID path
// rules (SPIFFE-ID.md §2.2: letters, digits, ".", "-", "_"; not "." or "..").

/** Names the templates provide themselves, so a pattern cannot capture them. */
export const builtinPlaceholders: readonly string[] = ['trust_domain', 'spiffe_id', 'dns_sans'];

const captureSegment = /^\{([a-z][a-z0-9_]*)\}$/;
const literalSegment = /^[A-Za-z0-9._-]+$/;

export interface PathPattern {
  readonly text: string;
  /** Capture names in order of appearance. */
  readonly captures: readonly string[];
  /** Returns the captures when `path` ("/a/b") matches, else undefined. */
  match(path: string): ReadonlyMap<string, string> | undefined;
}

/**
 * Returns the compiled pattern, or the problems with it as sentences (empty list never returned with
 * a pattern).
 */
export function compilePattern(text: string): { pattern: PathPattern } | { problems: string[] } {
  const problems: string[] = [];
  if (!text.startsWith('/')) problems.push(`must start with "/", like "/k8s/{cluster}/node/{fqdn}/kubelet"`);
  const segments = text.replace(/^\//, '').split('/');
  const parts: ({ literal: string } | { capture: string })[] = [];
  const seen = new Set<string>();
  segments.forEach((segment, i) => {
    const where = `segment ${i + 1} (${JSON.stringify(segment)})`;
    const capture = captureSegment.exec(segment)?.[1];
    if (capture !== undefined) {
      if (builtinPlaceholders.includes(capture))
        problems.push(`${where}: {${capture}} is built in; pick another name`);
      else if (seen.has(capture)) problems.push(`${where}: {${capture}} is captured twice`);
      seen.add(capture);
      parts.push({ capture });
    } else if (segment === '') {
      problems.push(`${where}: empty segment (no "//" and no trailing "/")`);
    } else if (segment.includes('{') || segment.includes('}')) {
      problems.push(`${where}: a capture is a whole segment named in lower case, like "{fqdn}"`);
    } else if (!literalSegment.test(segment) || segment === '.' || segment === '..') {
      problems.push(
        `${where}: a SPIFFE ID path segment has only letters, digits, ".", "-" and "_", and is not "." or ".."`,
      );
    } else {
      parts.push({ literal: segment });
    }
  });
  if (problems.length > 0) return { problems };
  const captures = parts.flatMap((p) => ('capture' in p ? [p.capture] : []));
  return {
    pattern: {
      text,
      captures,
      match(path) {
        const given = path.replace(/^\//, '').split('/');
        if (!path.startsWith('/') || given.length !== parts.length) return undefined;
        const found = new Map<string, string>();
        for (const [i, part] of parts.entries()) {
          const segment = given[i] ?? '';
          if ('capture' in part) found.set(part.capture, segment);
          else if (part.literal !== segment) return undefined;
        }
        return found;
      },
    },
  };
}
