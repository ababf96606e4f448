// Prints the size of every first-load file of the release build (raw, gzip, brotli) and
// fails when the app shell (wasm + js + css + html) is over the brotli budget.
//   node tools/size-report.mjs [--budget-kb 200] [--dir dist]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const budget = Number(option("budget-kb", "200")) * 1000;

const walk = (d) =>
  readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
// The service worker is installed after the first load, not part of it.
const shell = walk(dir).filter((f) => /\.(wasm|js|css|html)$/.test(f) && !f.endsWith("sw.js"));

const kb = (n) => (n / 1000).toFixed(1).padStart(8);
console.log(`${"file".padEnd(48)}${"raw KB".padStart(8)}${"gzip KB".padStart(9)}${"brotli KB".padStart(11)}`);
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const file of shell.sort()) {
  const bytes = readFileSync(file);
  const row = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += row[k];
  console.log(`${relative(dir, file).padEnd(48)}${kb(row.raw)}${kb(row.gzip)} ${kb(row.brotli)}`);
}
console.log(`${"app shell".padEnd(48)}${kb(total.raw)}${kb(total.gzip)} ${kb(total.brotli)}`);
console.log(`budget: ${(budget / 1000).toFixed(0)} KB brotli; used ${((100 * total.brotli) / budget).toFixed(0)}%`);
if (total.brotli > budget) {
  console.error(`over budget by ${((total.brotli - budget) / 1000).toFixed(1)} KB brotli`);
  process.exit(1);
}
