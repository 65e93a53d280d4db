// grpc.health.v1 for the plugin host: go-plugin's GRPCClient.Ping checks service "plugin"
// (go-plugin grpc_server.go Init sets it SERVING).
import * as grpc from '@grpc/grpc-js';
import type { HealthHandlers } from './generated/grpc/health/v1/Health.js';

/** Returns the health service: SERVING for "plugin" and for the whole server (""). */
export function healthService(): HealthHandlers {
  return {
    Check(call, callback) {
      const service = call.request.service;
      if (service === '' || service === 'plugin') {
        callback(null, { status: 'SERVING' });
        return;
      }
      callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${JSON.stringify(service)}` });
    },
  };
}
