// Original file: src/core/proto/spire/api/server/entry/v1/entry.proto


export interface CountEntriesResponse__Input {
  'count'?: (number);
}

export interface CountEntriesResponse {
  'count': (number);
}
