// Original file: src/goplugin/proto/plugin/grpc_broker.proto


export interface _plugin_ConnInfo_Knock__Input {
  'knock'?: (boolean);
  'ack'?: (boolean);
  'error'?: (string);
}

export interface _plugin_ConnInfo_Knock {
  'knock': (boolean);
  'ack': (boolean);
  'error': (string);
}

export interface ConnInfo__Input {
  'service_id'?: (number);
  'network'?: (string);
  'address'?: (string);
  'knock'?: (_plugin_ConnInfo_Knock__Input | null);
}

export interface ConnInfo {
  'service_id': (number);
  'network': (string);
  'address': (string);
  'knock': (_plugin_ConnInfo_Knock | null);
}
