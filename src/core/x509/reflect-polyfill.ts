// The Reflect metadata polyfill that @peculiar/x509 (through tsyringe) checks for when it loads. A module of
// its own so that a bundle can run it before everything else: bundled as ES modules, the library would
// otherwise run before a CommonJS polyfill imported next to it (scripts/bundle-helper.mjs injects this file).
import 'reflect-metadata';
