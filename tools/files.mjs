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

/** The folders of the pages besides the app shell (dist/ itself), one per wasm entry point. */
export const pages = ["desk", "check-in", "inspect", "damage", "sign"];

/**
 * The page that answers an address that is not a file, as the reference server and the
 * service worker answer it: signing for a check-in's review and copy, the inspection for its
 * checklist, valuables and concerns, the damage diagram for its damage step, the check-in's
 * reception for its other steps and a walk-in's arrival, the desk for a new job, a job,
 * settings and sync, the app shell for everything else.
 */
export function pageFor(path) {
  const check = /^\/jobs\/[^/]+\/check-in\/([^/]*)\/?$/.exec(path)?.[1];
  if (check === "review" || check === "copy") return "sign/index.html";
  if (["checklist", "valuables", "concerns"].includes(check)) return "inspect/index.html";
  if (check === "damage") return "damage/index.html";
  if (/^\/(jobs\/[^/]+\/check-in\/|arrive$)/.test(path)) return "check-in/index.html";
  return /^\/(new|jobs\/[^/]+|settings|sync)$/.test(path) ? "desk/index.html" : "index.html";
}
