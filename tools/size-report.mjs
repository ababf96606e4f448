// Prints the size of every first-load file of each entry point of the release build (raw,
// gzip, brotli) and fails when an entry's first load (wasm + js + css + html) is over its
// brotli budget: 160 KB for the app shell (dist/, the job list), the page a phone loads
// first; 200 KB for every other page: the desk (dist/desk/: a job's page, a new job, settings,
// sync) and the check-in's four (dist/check-in/: a walk-in's arrival, the arrival, customer
// and covers; dist/inspect/: checklist, valuables, concerns; dist/damage/: the damage
// diagram; dist/sign/: the review, the signature and the customer copy) and the repair
// order's (dist/order/); 150 KB for the sync worker
// (dist/sync*), which a page starts after it is up and which never blocks it
// (docs/architecture.md, "Size" and "Pages").
//   node tools/size-report.mjs [--dir dist]
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { brotli, gzip, pages, walk } from "./files.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = option("dir", "dist");
const worker = ["sync-worker.js", "sync.js", "sync_bg.wasm"];
const entries = [
  { name: "app shell", dir: dist, skip: [...pages, ...worker], budget: 160_000 },
  ...pages.map((page) => ({ name: page, dir: join(dist, page), skip: [], budget: 200_000 })),
  { name: "sync worker", dir: dist, only: worker, budget: 150_000 },
];

const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzip(bytes).length,
  brotli: brotli(bytes).length,
});

let over = false;
for (const entry of entries) {
  const budget = entry.budget;
  // The service worker is installed after the first load, not part of it.
  const files = (entry.only ? entry.only.map((f) => join(entry.dir, f)) : walk(entry.dir, entry.skip)).filter((f) => /\.(wasm|js|css|html)$/.test(f) && !f.endsWith("sw.js"));
  console.log(`\n${entry.name.padEnd(48)}${"raw KB".padStart(8)}${"gzip KB".padStart(9)}${"brotli KB".padStart(11)}`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files.sort()) {
    const row = sizes(readFileSync(file));
    for (const k of Object.keys(total)) total[k] += row[k];
    console.log(`  ${relative(dist, file).padEnd(46)}${kb(row.raw)}${kb(row.gzip)} ${kb(row.brotli)}`);
  }
  console.log(`  ${"first load".padEnd(46)}${kb(total.raw)}${kb(total.gzip)} ${kb(total.brotli)}`);
  console.log(`  budget ${(budget / 1000).toFixed(0)} KB brotli: used ${((100 * total.brotli) / budget).toFixed(0)}%`);
  if (total.brotli > budget) {
    console.error(`  ${entry.name} is over budget by ${((total.brotli - budget) / 1000).toFixed(1)} KB brotli`);
    over = true;
  }
}
if (over) process.exit(1);
