// Minifies the wasm-bindgen glue of each entry point after the Trunk builds, and updates the
// Subresource Integrity hash Trunk wrote for it. Trunk's own minifier gives up on the glue (it
// starts with `import` lines: "Failed to minify JS"), so each page would ship it unminified.
//   node tools/minify-glue.mjs dist
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pages } from "./files.mjs";

const dist = process.argv[2] || "dist";
for (const dir of [dist, ...pages.map((page) => join(dist, page))]) {
  const page = join(dir, "index.html");
  let html = readFileSync(page, "utf8");
  const glue = /import init, \* as bindings from '([^']+\.js)'/.exec(html)?.[1];
  if (!glue) throw new Error(`${page}: no wasm-bindgen glue found`);
  const file = join(dist, glue.replace(/^\//, ""));
  const before = readFileSync(file).length;
  execFileSync("terser", [file, "--module", "--compress", "--mangle", "--output", file]);
  const minified = readFileSync(file);
  const integrity = `sha384-${createHash("sha384").update(minified).digest("base64")}`;
  const link = new RegExp(`(href=${glue.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} integrity=)sha384-[A-Za-z0-9+/=]+`);
  if (!link.test(html)) throw new Error(`${page}: no integrity attribute for ${glue}`);
  html = html.replace(link, `$1${integrity}`);
  writeFileSync(page, html);
  console.log(`${glue}: ${before} → ${minified.length} bytes`);
}
