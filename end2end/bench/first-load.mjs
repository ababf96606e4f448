// First-load benchmark as the README deploys LaneCheck: the reference server serves the
// release build (its brotli copies, its cache headers). For the app shell (`/`), a check-in
// step on the reception's page and one on the damage diagram's (the heaviest first load) and
// the review (the signing page), in a fresh browser profile on a phone viewport: the bytes transferred on the
// wire before the first screen is up (headers and bodies, by Chromium's own count), when the
// sync worker's files came (after the first screen), and Lighthouse 12 mobile performance
// (simulated slow 4G and 4× CPU, median of 3 runs) with its LCP. Figures are printed, not
// gated (the machine is noisy); the size budgets are checked by tools/size-report.mjs.
// Usage (after `bash scripts/build.sh` and `cargo build --profile server -p lanecheck-server`):
//   node bench/first-load.mjs [--dist ../dist] [--port 8097] [--runs 3]
import { chromium } from "@playwright/test";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { referenceServer } from "./reference-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const dist = resolve(here, "..", option("dist", "../dist"));
const port = Number(option("port", "8097"));
const runs = Number(option("runs", "3"));
const chrome = process.env.CHROMIUM || "/usr/bin/chromium";
const server = referenceServer({ dist, port });
const base = server.base;
// The first screen is up when the page's heading shows.
const pages = [
  { name: "app shell /", path: "/" },
  { name: "check-in step (reception)", path: "/jobs/0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0/check-in/customer" },
  { name: "check-in step (damage diagram, the heaviest page)", path: "/jobs/0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0/check-in/damage" },
  { name: "signing (the review)", path: "/jobs/0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0/check-in/review" },
];
const kib = (n) => (n / 1024).toFixed(1);

/** Every answer of one first load with its bytes on the wire and whether it came before the
 * first screen was up, and whether the sync worker's wasm came after it. */
async function wire(browser, target) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = new Map();
  const files = [];
  let up = false;
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, { url: e.response.url, encoding: e.response.headers["content-encoding"] ?? e.response.headers["Content-Encoding"] ?? "" }));
  cdp.on("Network.loadingFinished", (e) => {
    const seen = urls.get(e.requestId);
    if (seen) files.push({ ...seen, bytes: e.encodedDataLength, beforeUp: !up });
  });
  // The worker's requests are the context's, not the page's: note when its wasm came.
  let workerAfterUp = null;
  const workerCame = new Promise((ok) =>
    context.on("response", (r) => {
      if (r.url().endsWith("/sync_bg.wasm")) {
        workerAfterUp = up;
        ok();
      }
    }),
  );
  await page.goto(base + target.path);
  await page.getByRole("heading", { level: 1 }).waitFor();
  up = true;
  await workerCame;
  await page.waitForLoadState("networkidle");
  await context.close();
  return { files, workerAfterUp };
}

async function lighthouse(path) {
  let run;
  try {
    ({ default: run } = await import("lighthouse"));
  } catch {
    return null;
  }
  const { launch } = await import("chrome-launcher");
  const scores = [];
  const failures = [];
  for (let i = 0; i < runs; i++) {
    const browser = await launch({ chromePath: chrome, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    try {
      const result = await run(base + path, { port: browser.port, onlyCategories: ["performance"], logLevel: "error" });
      const lhr = result.lhr;
      // A run Lighthouse could not finish has no score: it is reported, not counted as 0.
      if (lhr.runtimeError || lhr.categories.performance.score === null) {
        failures.push(lhr.runtimeError?.code ?? "no score");
        continue;
      }
      scores.push({ score: Math.round(lhr.categories.performance.score * 100), lcp: lhr.audits["largest-contentful-paint"].numericValue, tbt: lhr.audits["total-blocking-time"].numericValue });
    } finally {
      await browser.kill();
    }
  }
  const median = (k) => scores.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(scores.length / 2)];
  if (scores.length === 0) return { failures };
  return { score: median("score"), lcp: median("lcp"), tbt: median("tbt"), all: scores.map((s) => s.score), failures };
}

try {
  await server.ready();
  const browser = await chromium.launch({ executablePath: chrome, args: ["--no-sandbox"] });
  for (const target of pages) {
    const { files, workerAfterUp } = await wire(browser, target);
    const first = files.filter((f) => f.beforeUp);
    const sum = (list) => list.reduce((n, f) => n + f.bytes, 0);
    console.log(`\n${target.name} (${target.path}) through the reference server`);
    for (const f of first) console.log(`  ${new URL(f.url).pathname.padEnd(58)} ${kib(f.bytes).padStart(7)} KiB ${f.encoding}`);
    console.log(`  first screen: ${kib(sum(first))} KiB on the wire in ${first.length} answers`);
    console.log(`  the sync worker's wasm came ${workerAfterUp ? "after" : "BEFORE"} the first screen was up`);
    const lh = await lighthouse(target.path);
    if (!lh) {
      console.log("  Lighthouse: not installed (npm ci in end2end/)");
    } else if (lh.score !== undefined) {
      console.log(`  Lighthouse 12 mobile performance: ${lh.score} (runs ${lh.all.join(", ")}), LCP ${(lh.lcp / 1000).toFixed(2)} s, TBT ${Math.round(lh.tbt)} ms (median of ${lh.all.length})`);
    }
    if (lh?.failures.length) console.log(`  Lighthouse runs that did not finish: ${lh.failures.join(", ")}`);
  }
  await browser.close();
} finally {
  server.stop();
}
