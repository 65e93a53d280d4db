// Original file: src/core/proto/spire/api/server/entry/v1/entry.proto


export interface BatchDeleteEntryRequest__Input {
  'ids'?: (string)[];
}

export interface BatchDeleteEntryRequest {
  'ids': (string)[];
}
