import { CoreError } from '../errors/index.js';

export function bundleError(message: string, cause?: unknown): CoreError {
  return new CoreError('BUNDLE_INVALID', 'bundle', message, cause === undefined ? {} : { cause });
}
