// Framework diagnostics → tfplugin6.Diagnostic, with the attribute path Terraform can show.
//
// Terraform turns a diagnostic's path into a configuration line by descending through nested *blocks*
// only; inside an attribute's expression it can highlight one element (`rules[1]`) but no deeper
// (terraform internal/tfdiags/contextual.go ElaborateFromConfigBody). A path that goes further, like
// `rules[1].port` for a nested attribute, would make Terraform fall back to the resource's first line.
// So the path is cut where Terraform can still point at the right line, and the full path leads the
// detail. A set element has no protocol path step at all, so a path also ends at a set.
import type { AttributePath, Diagnostic, PathStep } from '../framework/diagnostics.js';
import { formatPath } from '../framework/diagnostics.js';
import type { BlockDef, NestedBlock } from '../framework/schema.js';
import type { AttributePath__Input } from '../generated/tfplugin6/AttributePath.js';
import type { Diagnostic__Input } from '../generated/tfplugin6/Diagnostic.js';

/** Returns the protocol path, cut before the first step into a set element. */
export function pathToProto(path: AttributePath): AttributePath__Input {
  const steps: NonNullable<AttributePath__Input['steps']> = [];
  for (const step of path) {
    if ('attribute' in step) steps.push({ attribute_name: step.attribute });
    else if ('key' in step) steps.push({ element_key_string: step.key });
    else if (step.inSet === true) break;
    else steps.push({ element_key_int: step.index });
  }
  return { steps };
}

const isElement = (step: PathStep | undefined): boolean =>
  step !== undefined && !('attribute' in step) && !('inSet' in step && step.inSet);

/**
 * Returns the longest prefix of `path` that Terraform can locate in configuration written for `schema`:
 * through nested blocks and their elements, ending at an attribute or at one element of it.
 */
export function displayPath(schema: BlockDef, path: AttributePath): AttributePath {
  const out: PathStep[] = [];
  let block: BlockDef = schema;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (step === undefined || !('attribute' in step)) break;
    const nested: NestedBlock | undefined = block.blocks?.[step.attribute];
    if (nested !== undefined) {
      out.push(step);
      block = nested.block;
      if (nested.nesting === 'single' || nested.nesting === 'group') continue;
      const element = path[i + 1];
      if (!isElement(element) || element === undefined) break;
      out.push(element);
      i++;
      continue;
    }
    if (block.attributes[step.attribute] === undefined) break;
    out.push(step);
    const element = path[i + 1];
    if (isElement(element) && element !== undefined) out.push(element);
    break;
  }
  return out;
}

/** Returns the protocol form of each diagnostic; paths are fitted to `schema` when given (see above). */
export function diagnosticsToProto(
  diagnostics: readonly Diagnostic[],
  schema?: BlockDef,
): Diagnostic__Input[] {
  return diagnostics.map((d) => {
    let path = d.path ?? [];
    let detail = d.detail;
    if (schema !== undefined && path.length > 0) {
      const shown = displayPath(schema, path);
      if (shown.length < path.length) detail = `${formatPath(path)}: ${detail}`;
      path = shown;
    }
    return {
      severity: d.severity === 'error' ? 'ERROR' : 'WARNING',
      summary: d.summary,
      detail,
      ...(path.length === 0 ? {} : { attribute: pathToProto(path) }),
    };
  });
}
