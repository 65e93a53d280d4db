// Diagnostics → tfplugin6, and attribute paths Terraform can show on the right configuration line.
import t from 'tap';
import { attribute, block, defineSchema, path } from '../../../../provider/framework/index.js';
import { diagnosticsToProto, displayPath, pathToProto } from '../../../../provider/tfplugin6/diagnostics.js';

t.test('path steps become attribute_name, element_key_string and element_key_int', (t) => {
  t.strictSame(pathToProto(path('labels', { key: 'team' })), {
    steps: [{ attribute_name: 'labels' }, { element_key_string: 'team' }],
  });
  t.strictSame(pathToProto(path('rules', 2, 'port')), {
    steps: [{ attribute_name: 'rules' }, { element_key_int: 2 }, { attribute_name: 'port' }],
  });
  t.end();
});

t.test('a path ends at a set: set elements have no protocol step', (t) => {
  t.strictSame(pathToProto([{ attribute: 'selectors' }, { index: 1, inSet: true }, { attribute: 'type' }]), {
    steps: [{ attribute_name: 'selectors' }],
  });
  t.end();
});

const schema = defineSchema({
  attributes: {
    name: attribute.string({ required: true }),
    rules: attribute.listNested({ port: attribute.number({ required: true }) }, { optional: true }),
  },
  blocks: {
    selector: block.list({ attributes: { type: attribute.string({ required: true }) } }),
    settings: block.single({ attributes: { debug: attribute.bool({ optional: true }) } }),
  },
});

t.test('Terraform follows nested blocks all the way down', (t) => {
  t.strictSame(displayPath(schema, path('selector', 1, 'type')), path('selector', 1, 'type'));
  t.strictSame(displayPath(schema, path('settings', 'debug')), path('settings', 'debug'));
  t.end();
});

t.test('inside a nested attribute Terraform can show one element, so the path stops there', (t) => {
  t.strictSame(displayPath(schema, path('rules', 1, 'port')), path('rules', 1));
  t.strictSame(displayPath(schema, path('name')), path('name'));
  t.end();
});

t.test('a shortened path keeps the full path at the start of the detail', (t) => {
  const [d] = diagnosticsToProto(
    [
      {
        severity: 'error',
        summary: 'Invalid Attribute Value',
        detail: 'too big',
        path: path('rules', 1, 'port'),
      },
    ],
    schema,
  );
  t.strictSame(d, {
    severity: 'ERROR',
    summary: 'Invalid Attribute Value',
    detail: 'rules[1].port: too big',
    attribute: { steps: [{ attribute_name: 'rules' }, { element_key_int: 1 }] },
  });
  t.end();
});

t.test('warnings and diagnostics without a path', (t) => {
  t.strictSame(diagnosticsToProto([{ severity: 'warning', summary: 's', detail: 'd' }]), [
    { severity: 'WARNING', summary: 's', detail: 'd' },
  ]);
  t.end();
});
