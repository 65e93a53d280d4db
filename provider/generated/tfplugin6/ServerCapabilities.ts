// Original file: provider/proto/tfplugin6/tfplugin6.proto


export interface ServerCapabilities__Input {
  'plan_destroy'?: (boolean);
  'get_provider_schema_optional'?: (boolean);
}

export interface ServerCapabilities {
  'plan_destroy': (boolean);
  'get_provider_schema_optional': (boolean);
}
