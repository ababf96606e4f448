// Benchmarks of the check-in, in headless Chromium against the release build, each next to a
// peer measured in the same run (docs/benchmarks.md explains each figure):
//   1. photo pipeline on a 12-megapixel JPEG: LaneCheck's downscale (the code the app ships)
//      vs the npm package browser-image-compression doing the same downscale (long edge
//      1600 px, JPEG 0.85): time and output size; then the whole in-app path (pick → stored
//      → thumbnail) and the wasm memory before and after 20 photos;
//   2. signature: handling time per pointermove of LaneCheck's pad vs the npm package
//      signature_pad on the same synthetic stroke;
//   3. field speed: inputs and scripted time of the full check-in (end2end/tests/full-check-in).
// Usage (after `bash scripts/build.sh`): node bench/check-in.mjs [--dist ../dist] [--port 8095]
import { chromium } from "@playwright/test";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const dist = resolve(here, "..", option("dist", "../dist"));
const port = Number(option("port", "8095"));
const base = `http://127.0.0.1:${port}`;
const modules = resolve(here, "../node_modules");
const PHOTOS = 20;
const ROUNDS = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1).padStart(8)} ms`;
const kb = (x) => `${(x / 1000).toFixed(0).padStart(6)} KB`;
const mb = (x) => `${(x / 1048576).toFixed(2)} MiB`;

/** The snippet of the release build that exports the photo pipeline's `downscale`. */
function downscaleModule() {
  const root = join(dist, "inspect", "snippets");
  for (const crate of readdirSync(root)) {
    for (const file of readdirSync(join(root, crate))) {
      if (readFileSync(join(root, crate, file), "utf8").includes("export async function downscale(")) {
        return `/inspect/snippets/${crate}/${file}`;
      }
    }
  }
  throw new Error("no snippet exports downscale; build first (bash scripts/build.sh)");
}

/** A 12-megapixel camera-like JPEG (4000 × 3000, gradients and noise), made in the page as
 * `window.photo`; each seed gives another picture. */
async function makePhoto(page, seed = 7) {
  return page.evaluate(async (seed) => {
    const c = new OffscreenCanvas(4000, 3000);
    const x = c.getContext("2d");
    const g = x.createLinearGradient(0, 0, 4000, 3000);
    g.addColorStop(0, "#5a6b7c");
    g.addColorStop(1, "#d8c9a0");
    x.fillStyle = g;
    x.fillRect(0, 0, 4000, 3000);
    const noise = x.getImageData(0, 0, 4000, 3000);
    for (let i = 0; i < noise.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = (seed % 48) - 24;
      noise.data[i] += n;
      noise.data[i + 1] += n;
      noise.data[i + 2] += n;
    }
    x.putImageData(noise, 0, 0);
    const blob = await c.convertToBlob({ type: "image/jpeg", quality: 0.92 });
    (window).photo = new File([blob], `12mp-${seed}.jpg`, { type: "image/jpeg" });
    return blob.size;
  }, seed);
}

async function photoPipeline(browser) {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const input = await makePhoto(page);
  await page.addScriptTag({ path: join(modules, "browser-image-compression/dist/browser-image-compression.js") });
  const module = downscaleModule();
  const result = await page.evaluate(
    async ({ module, rounds }) => {
      const { downscale } = await import(module);
      const ours = [];
      const peer = [];
      let oursBytes = 0;
      let peerBytes = 0;
      let oursSize = "";
      let peerSize = "";
      for (let i = 0; i < rounds; i++) {
        let t = performance.now();
        const out = await downscale(window.photo, 1600);
        ours.push(performance.now() - t);
        oursBytes = out.blob.size;
        oursSize = `${out.width}×${out.height}`;
        t = performance.now();
        const other = await window.imageCompression(window.photo, {
          maxWidthOrHeight: 1600,
          initialQuality: 0.85,
          fileType: "image/jpeg",
          useWebWorker: false,
        });
        peer.push(performance.now() - t);
        peerBytes = other.size;
        const bitmap = await createImageBitmap(other);
        peerSize = `${bitmap.width}×${bitmap.height}`;
      }
      return { ours, peer, oursBytes, peerBytes, oursSize, peerSize };
    },
    { module, rounds: ROUNDS },
  );
  await page.close();
  console.log(`\n1. Photo pipeline, 12-megapixel JPEG of ${kb(input)} → long edge 1600 px (median of ${ROUNDS})`);
  console.log(`   LaneCheck downscale           ${ms(median(result.ours))}   ${kb(result.oursBytes)}   ${result.oursSize}`);
  console.log(`   browser-image-compression     ${ms(median(result.peer))}   ${kb(result.peerBytes)}   ${result.peerSize}`);
}

/** The whole in-app path and wasm memory: 20 photos picked one after another on a checklist issue. */
async function inApp(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => ((window).wasmMemory = e.detail.wasm.memory));
  });
  await page.goto(`${base}/new`);
  await page.getByLabel("车牌号").fill("京A12345");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await page.getByRole("heading", { level: 1, name: "京A12345" }).waitFor();
  const id = page.url().split("/jobs/")[1];
  await page.goto(`${base}/jobs/${id}/check-in/checklist`);
  await page.getByRole("group", { name: "玻璃" }).getByRole("radio", { name: "有问题" }).check();
  const memory = () => page.evaluate(() => (window).wasmMemory.buffer.byteLength);
  const started = await memory();
  const times = [];
  let afterFirst = 0;
  for (let n = 1; n <= PHOTOS; n++) {
    // A different picture each time, so each is stored rather than found already there.
    await makePhoto(page, n);
    const t = Date.now();
    await page.getByLabel("从相册选择").evaluate((input) => {
      const data = new DataTransfer();
      data.items.add(window.photo);
      input.files = data.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await page.getByRole("img", { name: `照片 ${n}`, exact: true }).waitFor();
    times.push(Date.now() - t);
    if (n === 1) afterFirst = await memory();
  }
  const afterAll = await memory();
  // Had the bytes of a photo passed through wasm, its memory would still hold them (freed
  // memory is not cleared): look for a run of each stored photo's bytes and of the last
  // picked original's.
  const inWasm = await page.evaluate(async (count) => {
    const memory = new Uint8Array((window).wasmMemory.buffer);
    const contains = (needle) => {
      for (let i = memory.indexOf(needle[0]); i !== -1; i = memory.indexOf(needle[0], i + 1)) {
        let k = 1;
        while (k < needle.length && memory[i + k] === needle[k]) k++;
        if (k === needle.length) return true;
      }
      return false;
    };
    const middle = (bytes) => bytes.subarray(bytes.length >> 1, (bytes.length >> 1) + 64);
    const found = [];
    for (let n = 1; n <= count; n++) {
      const img = [...document.querySelectorAll("img")].find((i) => i.alt === `照片 ${n}`);
      const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
      if (contains(middle(bytes))) found.push(`photo ${n}`);
    }
    if (contains(middle(new Uint8Array(await (window).photo.arrayBuffer())))) found.push("the original");
    return found;
  }, PHOTOS);
  await context.close();
  console.log(`   in the app: pick → stored (IndexedDB, SHA-256) → thumbnail, median of ${PHOTOS}: ${ms(median(times))}`);
  console.log(`   wasm memory: at start ${mb(started)}, after 1 photo ${mb(afterFirst)}, after ${PHOTOS} photos ${mb(afterAll)} ` +
    `(growth over photos 2–${PHOTOS}: ${afterAll - afterFirst} bytes: the job's photo list and history)`);
  console.log(`   photo bytes found in wasm memory: ${inWasm.length ? inWasm.join(", ") : "none"} (checked: ${PHOTOS} stored photos and the last original)`);
  return inWasm;
}

/** The same synthetic stroke for both pads: a loop across the pad, one pointer event per ~6 px. */
const STROKE = Array.from({ length: 400 }, (_, i) => {
  const a = (i / 400) * Math.PI * 2;
  return [0.5 + 0.42 * Math.sin(a * 3), 0.5 + 0.4 * Math.sin(a * 2)];
});

/** Dispatches the stroke on a canvas and returns the time per pointermove, in microseconds. */
const drawStroke = async (page, selector, rounds) =>
  page.evaluate(
    ({ selector, stroke, rounds }) => {
      const canvas = document.querySelector(selector);
      const r = canvas.getBoundingClientRect();
      const event = (type, [fx, fy]) =>
        new PointerEvent(type, {
          bubbles: true, cancelable: true, pointerId: 1, pointerType: "touch", isPrimary: true,
          buttons: type === "pointerup" ? 0 : 1, clientX: r.left + fx * r.width, clientY: r.top + fy * r.height,
        });
      const perMove = [];
      for (let k = 0; k < rounds; k++) {
        canvas.dispatchEvent(event("pointerdown", stroke[0]));
        const t = performance.now();
        for (const p of stroke) canvas.dispatchEvent(event("pointermove", p));
        perMove.push(((performance.now() - t) * 1000) / stroke.length);
        canvas.dispatchEvent(event("pointerup", stroke[stroke.length - 1]));
      }
      // Both pads must really have drawn the stroke, or the figures would time nothing.
      const d = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
      if (ink < 1000) throw new Error(`${selector} drew nothing (${ink} inked pixels)`);
      return perMove;
    },
    { selector, stroke: STROKE, rounds },
  );

async function signature(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 3 });
  const page = await context.newPage();
  await page.goto(`${base}/new`);
  await page.getByLabel("车牌号").fill("京A12345");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await page.getByRole("heading", { level: 1, name: "京A12345" }).waitFor();
  const id = page.url().split("/jobs/")[1];
  await page.goto(`${base}/jobs/${id}/check-in/review`);
  await page.getByLabel("跳过原因（会记录在接车单上）").fill("benchmark");
  await page.getByRole("button", { name: "记录原因并允许签字" }).click();
  await page.locator("canvas.pad").waitFor();
  const ours = await drawStroke(page, "canvas.pad", ROUNDS * 4);
  const size = await page.locator("canvas.pad").evaluate((c) => [c.clientWidth, c.clientHeight]);

  // signature_pad on a canvas of the same size and pixel ratio, on the same page.
  await page.addScriptTag({ path: join(modules, "signature_pad/dist/signature_pad.umd.min.js") });
  await page.evaluate(([w, h]) => {
    const c = document.createElement("canvas");
    c.id = "peer";
    c.style.cssText = `width:${w}px;height:${h}px;touch-action:none;position:fixed;top:0;left:0;z-index:99`;
    document.body.append(c);
    c.width = w * devicePixelRatio;
    c.height = h * devicePixelRatio;
    c.getContext("2d").scale(devicePixelRatio, devicePixelRatio);
    // No throttling: every pointermove does the full work, as LaneCheck's pad does.
    (window).peer = new (window).SignaturePad(c, { throttle: 0 });
  }, size);
  const peer = await drawStroke(page, "#peer", ROUNDS * 4);
  await context.close();
  console.log(`\n2. Signature, ${STROKE.length} pointermoves per stroke (median of ${ROUNDS * 4} strokes)`);
  console.log(`   LaneCheck pad (Rust/wasm)     ${(median(ours)).toFixed(1).padStart(8)} µs per pointermove`);
  console.log(`   signature_pad 5 (throttle 0)  ${(median(peer)).toFixed(1).padStart(8)} µs per pointermove`);
}

function fieldSpeed() {
  const run = spawnSync("npx", ["playwright", "test", "full-check-in", "--project", "phone", "--reporter", "line"], {
    cwd: resolve(here, ".."),
    encoding: "utf8",
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error("the full check-in test failed");
  }
  const { inputs, seconds } = JSON.parse(readFileSync(resolve(here, "..", "test-results", "field-speed-phone.json"), "utf8"));
  console.log(`\n3. Field speed, full check-in on the phone viewport (offline, 2 marks, 4 photos, signature)`);
  console.log(`   ${inputs} inputs (goal ≤ 45), ${seconds.toFixed(1)} s scripted`);
}

const server = spawn("node", [resolve(here, "../../tools/serve.mjs"), "--port", String(port), "--dir", dist], { stdio: "ignore" });
try {
  for (let tries = 0; ; tries++) {
    if (await fetch(base).then((r) => r.ok, () => false)) break;
    if (tries > 100) throw new Error(`the static server did not start on ${base}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
  });
  console.log(`LaneCheck check-in benchmarks (${await browser.version()}, headless)`);
  await photoPipeline(browser);
  const inWasm = await inApp(browser);
  await signature(browser);
  await browser.close();
  fieldSpeed();
  if (inWasm.length > 0) {
    console.error(`\nbytes of ${inWasm.join(", ")} are in wasm memory: photo bytes must stay out of wasm`);
    process.exitCode = 1;
  }
} finally {
  server.kill();
}
