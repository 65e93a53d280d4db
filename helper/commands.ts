// The explicit oclif command map (commandDiscovery strategy "explicit" in package.json), so a bundler can
// see every command; ids use ":" and print with a space (topicSeparator " "): `spire-helper cert fetch`.
import CertFetch from './commands/cert/fetch.js';
import Check from './commands/check.js';
import Kubeconfig from './commands/kubeconfig.js';
import Run from './commands/run.js';

export default {
  'cert:fetch': CertFetch,
  check: Check,
  kubeconfig: Kubeconfig,
  run: Run,
};
