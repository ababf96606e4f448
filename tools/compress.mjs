// Writes a brotli (.br) and a gzip (.gz) copy of every text and wasm file of the release
// build, once, at build time: the reference server sends them to browsers that accept them
// (crates/server/src/lib.rs, `pwa`), so nothing is compressed per request.
//   node tools/compress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const compressible = /\.(wasm|js|css|html|json|webmanifest|svg)$/;
const walk = (d) =>
  readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

let count = 0;
for (const file of walk(process.argv[2] ?? "dist").filter((f) => compressible.test(f))) {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  count += 1;
}
console.log(`compressed ${count} files (brotli and gzip)`);
