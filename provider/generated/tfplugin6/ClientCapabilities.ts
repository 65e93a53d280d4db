// Original file: provider/proto/tfplugin6/tfplugin6.proto


export interface ClientCapabilities__Input {
  'deferral_allowed'?: (boolean);
  'write_only_attributes_allowed'?: (boolean);
}

export interface ClientCapabilities {
  'deferral_allowed': (boolean);
  'write_only_attributes_allowed': (boolean);
}
