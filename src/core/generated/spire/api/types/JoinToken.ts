// Original file: src/core/proto/spire/api/types/types.proto

import type { Long } from '@grpc/proto-loader';

export interface JoinToken__Input {
  'value'?: (string);
  'expires_at'?: (number | string | Long);
}

export interface JoinToken {
  'value': (string);
  'expires_at': (number);
}
