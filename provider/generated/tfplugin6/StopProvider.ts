// Original file: provider/proto/tfplugin6/tfplugin6.proto


export interface _tfplugin6_StopProvider_Request__Input {
}

export interface _tfplugin6_StopProvider_Request {
}

export interface _tfplugin6_StopProvider_Response__Input {
  'Error'?: (string);
}

export interface _tfplugin6_StopProvider_Response {
  'Error': (string);
}

export interface StopProvider__Input {
}

export interface StopProvider {
}
