// Original file: src/core/proto/spire/api/types/types.proto


export interface HTTPSSPIFFEProfile__Input {
  'endpoint_spiffe_id'?: (string);
}

export interface HTTPSSPIFFEProfile {
  'endpoint_spiffe_id': (string);
}
