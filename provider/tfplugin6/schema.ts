// Framework schemas → tfplugin6.Schema. An attribute carries either its type (compact cty JSON bytes) or,
// for nested attributes, nested_type; nested blocks become block_types with their nesting mode.
import type { Attribute, BlockDef, SchemaDef } from '../framework/schema.js';
import { typeToJson } from '../framework/types.js';
import type {
  Schema__Input,
  _tfplugin6_Schema_Attribute__Input as AttributeInput,
  _tfplugin6_Schema_Block__Input as BlockInput,
  _tfplugin6_Schema_NestedBlock__Input as NestedBlockInput,
} from '../generated/tfplugin6/Schema.js';

const nestedBlockMode = { single: 'SINGLE', list: 'LIST', set: 'SET', map: 'MAP', group: 'GROUP' } as const;
const nestedAttributeMode = { single: 'SINGLE', list: 'LIST', set: 'SET', map: 'MAP' } as const;

function byName<T>(record: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function attributeToProto(name: string, attribute: Attribute): AttributeInput {
  const out: AttributeInput = {
    name,
    description: attribute.description ?? '',
    description_kind: 'PLAIN',
    required: attribute.required,
    optional: attribute.optional,
    computed: attribute.computed,
    sensitive: attribute.sensitive,
    deprecated: attribute.deprecationMessage !== undefined,
    deprecation_message: attribute.deprecationMessage ?? '',
  };
  if (attribute.nested === undefined)
    return { ...out, type: Buffer.from(typeToJson(attribute.type), 'utf8') };
  return {
    ...out,
    nested_type: {
      nesting: nestedAttributeMode[attribute.nested.nesting],
      attributes: byName(attribute.nested.attributes).map(([n, a]) => attributeToProto(n, a)),
    },
  };
}

function blockToProto(def: BlockDef, version: number): BlockInput {
  const blockTypes: NestedBlockInput[] = byName(def.blocks ?? {}).map(([name, nested]) => ({
    type_name: name,
    nesting: nestedBlockMode[nested.nesting],
    block: blockToProto(nested.block, 0),
    min_items: nested.minItems,
    max_items: nested.maxItems,
  }));
  return {
    version,
    attributes: byName(def.attributes).map(([name, a]) => attributeToProto(name, a)),
    block_types: blockTypes,
    description: def.description ?? '',
    description_kind: 'PLAIN',
    deprecated: def.deprecationMessage !== undefined,
    deprecation_message: def.deprecationMessage ?? '',
  };
}

/** Returns the protocol form of a resource, data source or provider schema. */
export function schemaToProto(schema: SchemaDef): Schema__Input {
  const version = schema.version ?? 0;
  return { version, block: blockToProto(schema, version) };
}
