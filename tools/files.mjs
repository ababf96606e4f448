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
export const pages = ["desk", "check-in", "inspect", "damage", "sign", "order", "estimate", "order-sign", "signed", "add-ons", "approval"];

/**
 * The page that answers an address that is not a file, first match first, the app shell
 * otherwise: the repair order's approval page, its add-ons page, its signed page
 * for its copy, its signing page, its estimate's, its writing page for the diagnosis and
 * the details, signing for a check-in's review and copy, the inspection for its checklist,
 * valuables and concerns, the damage diagram for its damage step, the check-in's reception
 * for its other steps and a walk-in's arrival, the desk for a new job, a job, settings and
 * sync. The test server uses it, and the build writes it into the service worker
 * (tools/precache.mjs); the reference server's routes say the same (crates/server/src/lib.rs).
 */
export const pageRoutes = [
  ["^/jobs/[^/]+/order/approval/?$", "approval/index.html"],
  ["^/jobs/[^/]+/order/add-ons/?$", "add-ons/index.html"],
  ["^/jobs/[^/]+/order/copy/?$", "signed/index.html"],
  ["^/jobs/[^/]+/order/sign/?$", "order-sign/index.html"],
  ["^/jobs/[^/]+/order/estimate/?$", "estimate/index.html"],
  ["^/jobs/[^/]+/order/(diagnosis|details)/?$", "order/index.html"],
  ["^/jobs/[^/]+/check-in/(review|copy)/?$", "sign/index.html"],
  ["^/jobs/[^/]+/check-in/(checklist|valuables|concerns)/?$", "inspect/index.html"],
  ["^/jobs/[^/]+/check-in/damage/?$", "damage/index.html"],
  ["^/(jobs/[^/]+/check-in/|arrive$)", "check-in/index.html"],
  ["^/(new|jobs/[^/]+|settings|sync)$", "desk/index.html"],
];

export const pageFor = (path) => pageRoutes.find(([address]) => new RegExp(address).test(path))?.[1] ?? "index.html";
