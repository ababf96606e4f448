// After the release build (scripts/build.sh): lists every file of dist/ (except the worker
// itself), hashes their contents into a cache version, and writes both into dist/sw.js with
// the page of each address (`pageRoutes`). The version comes from content, not file names,
// because Trunk names files before wasm-opt runs.
//   node tools/precache.mjs dist
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pageRoutes, walk } from "./files.mjs";

const root = process.argv[2];
if (!root) throw new Error("usage: node tools/precache.mjs <dist directory>");


const files = walk(root)
  .map((path) => relative(root, path).split(sep).join("/"))
  // Not the worker itself, nor the compressed copies the server sends in place of a file.
  .filter((path) => path !== "sw.js" && !/\.(br|gz)$/.test(path))
  .sort();
const hash = createHash("sha256");
for (const file of files) {
  hash.update(file);
  hash.update(readFileSync(join(root, file)));
}
const version = hash.digest("hex").slice(0, 16);
const urls = files.map((f) => `/${f}`);
const worker = join(root, "sw.js");
if (!readFileSync(worker, "utf8").includes("__PRECACHE__")) throw new Error(`${worker} was already filled in`);
const source = readFileSync(worker, "utf8")
  .replace('"__VERSION__"', JSON.stringify(version))
  .replace("__PRECACHE__", JSON.stringify(["/", ...urls]))
  .replace("__PAGES__", JSON.stringify(pageRoutes));
writeFileSync(worker, source);
console.log(`sw.js: ${urls.length} files precached, version ${version}`);
