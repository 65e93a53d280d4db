// grpc.health.v1 Check. SPIRE allows it on the local socket only (authpolicy policy_data.json), so over
// TCP it fails with SPIRE_API_DENIED; a remote deployment exposes the HTTP `health_checks` listener instead.
import { loadProto, protoFiles } from '../proto/index.js';
import type { ProtoGrpcType } from '../generated/health.js';
import type { HealthDefinition } from '../generated/grpc/health/v1/Health.js';
import type { CallOptions, Transport } from './transport.js';
import type { HealthStatus } from './types.js';

export class HealthClient {
  readonly #transport: Transport;
  readonly #service: HealthDefinition;

  constructor(transport: Transport) {
    this.#transport = transport;
    this.#service = (loadProto(protoFiles.health) as unknown as ProtoGrpcType).grpc.health.v1.Health.service;
  }

  /** Returns the serving status of `service` ("" for the server as a whole). */
  async check(options: CallOptions & { service?: string } = {}): Promise<HealthStatus> {
    const response = await this.#transport.unary(
      this.#service.Check,
      { service: options.service ?? '' },
      'Health.Check',
      options,
    );
    return response.status;
  }
}
