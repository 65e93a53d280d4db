// Original file: composer/proto/spire/service/common/config/v1/config.proto

import type { CoreConfiguration__Input as _spire_service_common_config_v1_CoreConfiguration__Input, CoreConfiguration as _spire_service_common_config_v1_CoreConfiguration } from '../../../../../spire/service/common/config/v1/CoreConfiguration.js';

export interface ConfigureRequest__Input {
  'core_configuration'?: (_spire_service_common_config_v1_CoreConfiguration__Input | null);
  'hcl_configuration'?: (string);
}

export interface ConfigureRequest {
  'core_configuration': (_spire_service_common_config_v1_CoreConfiguration | null);
  'hcl_configuration': (string);
}
