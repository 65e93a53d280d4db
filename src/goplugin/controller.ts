// go-plugin's GRPCController: the host calls Shutdown when it is done with the plugin, then waits 2 s
// for the process to exit before killing it (go-plugin client.go Kill). Answer first, then stop.
import type { GRPCControllerHandlers } from './generated/plugin/GRPCController.js';

/** Returns the controller service; `onShutdown` runs after the reply has been handed to gRPC. */
export function controllerService(onShutdown: () => void): GRPCControllerHandlers {
  return {
    Shutdown(_call, callback) {
      callback(null, {});
      setImmediate(onShutdown);
    },
  };
}
