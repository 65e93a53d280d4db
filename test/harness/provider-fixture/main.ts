// Entry point of the fixture provider: the product's serve function with the fixture registry.
import { serveProvider } from '../../../provider/main.js';
import { fixtureProvider } from './provider.js';

await serveProvider(fixtureProvider);
