// What the build tools share: every file under a folder of the build, and the compression
// the reference server's copies are made with (so the size report measures the same bytes).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Every file under `dir`, leaving out the top-level names in `skip`. */
export function walk(dir, skip = []) {
  return readdirSync(dir)
    .filter((name) => !skip.includes(name))
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

export const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });
