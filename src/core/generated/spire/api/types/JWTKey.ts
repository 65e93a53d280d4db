// Original file: src/core/proto/spire/api/types/types.proto

import type { Long } from '@grpc/proto-loader';

export interface JWTKey__Input {
  'public_key'?: (Buffer | Uint8Array | string);
  'key_id'?: (string);
  'expires_at'?: (number | string | Long);
  'tainted'?: (boolean);
}

export interface JWTKey {
  'public_key': (Buffer);
  'key_id': (string);
  'expires_at': (number);
  'tainted': (boolean);
}
