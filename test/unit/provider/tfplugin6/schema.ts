// Framework schema → tfplugin6.Schema.
import t from 'tap';
import { attribute, block, defineSchema, types } from '../../../../provider/framework/index.js';
import { schemaToProto } from '../../../../provider/tfplugin6/schema.js';

const schema = defineSchema({
  version: 3,
  description: 'A thing.',
  attributes: {
    name: attribute.string({ required: true, description: 'The name.' }),
    id: attribute.string({ computed: true }),
    token: attribute.string({
      optional: true,
      computed: true,
      sensitive: true,
      deprecationMessage: 'Use secret.',
    }),
    tags: attribute.map(types.list(types.number), { optional: true }),
    rules: attribute.setNested({ port: attribute.number({ required: true }) }, { optional: true }),
  },
  blocks: {
    selector: block.list(
      { attributes: { type: attribute.string({ required: true }) } },
      { minItems: 1, maxItems: 4 },
    ),
    settings: block.single({ attributes: { debug: attribute.bool({ optional: true }) } }),
  },
});

const proto = schemaToProto(schema);
const attributes = proto.block?.attributes ?? [];
const byName = (name: string): (typeof attributes)[number] | undefined =>
  attributes.find((a) => a.name === name);

t.test('the schema and its block carry the version', (t) => {
  t.equal(proto.version, 3);
  t.equal(proto.block?.version, 3);
  t.equal(proto.block?.description, 'A thing.');
  t.end();
});

t.test('attributes are sorted by name and carry their flags', (t) => {
  t.strictSame(
    attributes.map((a) => a.name),
    ['id', 'name', 'rules', 'tags', 'token'],
  );
  t.match(byName('name'), { required: true, optional: false, computed: false, description: 'The name.' });
  t.match(byName('id'), { required: false, optional: false, computed: true });
  t.match(byName('token'), {
    optional: true,
    computed: true,
    sensitive: true,
    deprecated: true,
    deprecation_message: 'Use secret.',
  });
  t.end();
});

t.test('an attribute type is compact cty type JSON', (t) => {
  t.equal(Buffer.from(byName('name')?.type as Uint8Array).toString(), '"string"');
  t.equal(Buffer.from(byName('tags')?.type as Uint8Array).toString(), '["map",["list","number"]]');
  t.end();
});

t.test('a nested attribute has nested_type instead of type', (t) => {
  const rules = byName('rules');
  t.equal(rules?.type, undefined);
  t.match(rules?.nested_type, { nesting: 'SET', attributes: [{ name: 'port', required: true }] });
  t.end();
});

t.test('nested blocks become block_types with nesting and item limits', (t) => {
  t.match(proto.block?.block_types, [
    {
      type_name: 'selector',
      nesting: 'LIST',
      min_items: 1,
      max_items: 4,
      block: { attributes: [{ name: 'type' }] },
    },
    { type_name: 'settings', nesting: 'SINGLE', min_items: 0, max_items: 0 },
  ]);
  t.end();
});
