// Loads HashiCorp's HCL 2 parser (@cdktf/hcl2json, Go compiled to WebAssembly) without its typings: they
// carry `/// <reference lib="dom" />`, which would lay DOM's CryptoKey and friends over Node's WebCrypto
// types for the whole program. The import specifier is a variable so the compiler does not read them.
const hcl2jsonModule = '@cdktf/hcl2json';

interface Hcl2Json {
  parse(filename: string, contents: string): Promise<Record<string, unknown>>;
}

/** Returns the JSON form of the HCL 2 text `contents`; rejects with the parser's diagnostics. */
export async function parseHcl2(filename: string, contents: string): Promise<Record<string, unknown>> {
  const hcl2json = (await import(hcl2jsonModule)) as Hcl2Json;
  return hcl2json.parse(filename, contents);
}
