// Original file: src/goplugin/proto/grpc/health/v1/health.proto


export interface HealthCheckRequest__Input {
  'service'?: (string);
}

export interface HealthCheckRequest {
  'service': (string);
}
