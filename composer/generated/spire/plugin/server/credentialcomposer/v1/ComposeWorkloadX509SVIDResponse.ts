// Original file: composer/proto/spire/plugin/server/credentialcomposer/v1/credentialcomposer.proto

import type { X509SVIDAttributes__Input as _spire_plugin_server_credentialcomposer_v1_X509SVIDAttributes__Input, X509SVIDAttributes as _spire_plugin_server_credentialcomposer_v1_X509SVIDAttributes } from '../../../../../spire/plugin/server/credentialcomposer/v1/X509SVIDAttributes.js';

export interface ComposeWorkloadX509SVIDResponse__Input {
  'attributes'?: (_spire_plugin_server_credentialcomposer_v1_X509SVIDAttributes__Input | null);
}

export interface ComposeWorkloadX509SVIDResponse {
  'attributes': (_spire_plugin_server_credentialcomposer_v1_X509SVIDAttributes | null);
}
