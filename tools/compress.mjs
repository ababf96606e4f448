// Writes a brotli (.br) and a gzip (.gz) copy of every text and wasm file of the release
// build, once, at build time: the reference server sends them to browsers that accept them
// (crates/server/src/lib.rs, `pwa`), so nothing is compressed per request.
//   node tools/compress.mjs dist
import { readFileSync, writeFileSync } from "node:fs";
import { brotli, gzip, walk } from "./files.mjs";

const compressible = /\.(wasm|js|css|html|json|webmanifest|svg)$/;

let count = 0;
for (const file of walk(process.argv[2] ?? "dist").filter((f) => compressible.test(f))) {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.br`, brotli(bytes));
  writeFileSync(`${file}.gz`, gzip(bytes));
  count += 1;
}
console.log(`compressed ${count} files (brotli and gzip)`);
