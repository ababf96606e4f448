// Sync benchmark of the browser path: the app's sync worker (the release build: wasm engine,
// fetch, IndexedDB) syncs 50 checked-in jobs × 8 photos (250 KB each, incompressible) to the
// reference server over loopback, through a byte-counting TCP proxy. The app is served by the
// reference server too (the README's deployment), so the endpoint is the page's own origin;
// a dealer's system on another origin adds a CORS preflight per request (one per URL: each
// photo's), about 1 % more. Prints wire bytes against payload bytes
// (goal ≤ 1.02; requests and answers, headers included), the time against the same photos uploaded by a plain `fetch` loop from the
// same page through the same proxy (to another store, so nothing is already there), and —
// after the page is closed in the middle of the upload and opened again — how many photos
// already on the server were sent again (goal 0). Exits non-zero when a goal is missed.
// Usage (after `bash scripts/build.sh` and `cargo build --profile server -p lanecheck-server`):
//   node bench/sync.mjs [--dist ../dist] [--port 8096]
import { chromium } from "@playwright/test";
import { createServer, connect } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { referenceServer } from "./reference-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const dist = resolve(here, "..", option("dist", "../dist"));
const port = Number(option("port", "8096"));
const JOBS = 50;
const PHOTOS = 8;
const PHOTO_BYTES = 250_000;

const server = referenceServer({ dist, port, stores: ["store-1", "store-2"] });
const [phoneToken, peerToken] = server.tokens;

/** A TCP proxy in front of the server counting the bytes both ways (requests and answers,
 * headers included), and the photo uploads among the requests (each connection's stream
 * parsed: request head, then its body). */
const counted = { wire: 0, blobPuts: [] };
const proxy = createServer((client) => {
  const upstream = connect(port, "127.0.0.1");
  let head = Buffer.alloc(0);
  let body = 0;
  client.on("data", (chunk) => {
    counted.wire += chunk.length;
    upstream.write(chunk);
    while (chunk.length > 0) {
      if (body > 0) {
        const skip = Math.min(body, chunk.length);
        body -= skip;
        chunk = chunk.subarray(skip);
        continue;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      const text = head.subarray(0, end).toString("latin1");
      if (text.startsWith("PUT /sync/v1/blobs/")) counted.blobPuts.push(text.slice(19, 83));
      body = Number(/\r\ncontent-length: *(\d+)/i.exec(text)?.[1] ?? 0);
      chunk = head.subarray(end + 4);
      head = Buffer.alloc(0);
    }
  });
  upstream.on("data", (chunk) => (counted.wire += chunk.length));
  upstream.pipe(client);
  client.on("error", () => upstream.destroy());
  upstream.on("error", () => client.destroy());
  client.on("close", () => upstream.destroy());
});
await new Promise((ok) => proxy.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${proxy.address().port}`;
const endpoint = `${base}/sync/v1`;

/** Jobs in the server's feed for `token`'s store. */
async function jobsOnServer(tok) {
  let [cursor, count] = ["", 0];
  for (;;) {
    const answer = await fetch(`http://127.0.0.1:${port}/sync/v1/changes?since=${cursor}&limit=500`, { headers: { Authorization: `Bearer ${tok}` } });
    const page = await answer.json();
    count += page.changes.length;
    cursor = page.next;
    if (!page.has_more) return count;
  }
}

/** Fills the device's IndexedDB with JOBS copies of a job made through the app, each with
 * PHOTOS incompressible photos; returns the payload (photo bytes + job documents). */
async function seed(page) {
  await page.goto(`${base}/new`);
  await page.getByRole("radio", { name: "直接入厂" }).check();
  await page.getByLabel("车牌号").fill("粤B12345");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await page.getByRole("heading", { level: 1, name: "粤B12345" }).waitFor();
  return page.evaluate(
    async ({ jobs, photos, bytes }) => {
      const db = await new Promise((ok, fail) => {
        const open = indexedDB.open("lanecheck");
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const done = (tx) => new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onabort = () => fail(tx.error))));
      const template = await new Promise((ok) => {
        const all = db.transaction("jobs").objectStore("jobs").getAll();
        all.onsuccess = () => ok(all.result[0]);
      });
      const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
      let payload = 0;
      for (let j = 0; j < jobs; j++) {
        const record = structuredClone(template);
        record.job.id = crypto.randomUUID();
        record.job.photos = [];
        for (let p = 0; p < photos; p++) {
          const body = new Uint8Array(bytes);
          for (let i = 0; i < bytes; i += 65536) crypto.getRandomValues(body.subarray(i, Math.min(i + 65536, bytes)));
          const sha256 = hex(await crypto.subtle.digest("SHA-256", body));
          const tx = db.transaction("photos", "readwrite");
          tx.objectStore("photos").put(new Blob([body], { type: "image/jpeg" }), sha256);
          await done(tx);
          record.job.photos.push({ sha256, bytes, width: 1600, height: 1200, taken_at: record.job.created_at, target: { Check: "Glass" } });
          payload += bytes;
        }
        payload += JSON.stringify(record.job).length;
        const tx = db.transaction(["jobs", "outbox"], "readwrite");
        tx.objectStore("jobs").put(record);
        tx.objectStore("outbox").add({ job_id: record.job.id, revision: record.job.revision, queued_at: record.job.created_at });
        await done(tx);
      }
      db.close();
      return payload;
    },
    { jobs: JOBS - 1, photos: PHOTOS, bytes: PHOTO_BYTES },
  );
}

async function setUpSync(page, tok) {
  await page.goto(`${base}/sync`);
  for (const [label, value] of [["同步地址", endpoint], ["令牌", tok], ["设备名称", "bench"]]) {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).blur();
  }
}

let failed = false;
try {
  await server.ready();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
  const context = await browser.newContext();
  let page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const payload = await seed(page);
  console.log(`Sync benchmark, browser path: ${JOBS} jobs × ${PHOTOS} photos of ${PHOTO_BYTES / 1000} KB, release build, reference server (server profile) (SQLite) over loopback`);

  // 1. The app's sync worker, from "settings saved" to everything on the server.
  const before = counted.wire;
  const started = performance.now();
  await setUpSync(page, phoneToken);
  await page.getByRole("banner").getByRole("link", { name: "已全部同步" }).waitFor({ timeout: 600_000 });
  const engine = (performance.now() - started) / 1000;
  const wire = counted.wire - before;
  const ratio = wire / payload;
  const synced = await jobsOnServer(phoneToken);
  console.log(
    `  LaneCheck worker:   ${engine.toFixed(2).padStart(6)} s   wire ${(wire / 1e6).toFixed(2)} MB for a payload of ${(payload / 1e6).toFixed(2)} MB → ${ratio.toFixed(4)} (goal ≤ 1.02); ${synced} jobs on the server`,
  );
  if (ratio > 1.02 || synced < JOBS - 1) failed = true;

  // 2. The peer: the same photos PUT one after another by a plain fetch loop, to store-2.
  const peer = await page.evaluate(
    async ({ endpoint, token }) => {
      const db = await new Promise((ok) => {
        const open = indexedDB.open("lanecheck");
        open.onsuccess = () => ok(open.result);
      });
      const [keys, blobs] = await Promise.all(
        ["getAllKeys", "getAll"].map(
          (how) =>
            new Promise((ok) => {
              const r = db.transaction("photos").objectStore("photos")[how]();
              r.onsuccess = () => ok(r.result);
            }),
        ),
      );
      db.close();
      const started = performance.now();
      for (let i = 0; i < keys.length; i++) {
        const r = await fetch(`${endpoint}/blobs/${keys[i]}`, { method: "PUT", body: blobs[i], headers: { Authorization: `Bearer ${token}`, "Content-Type": "image/jpeg" } });
        if (!r.ok) throw new Error(`peer upload: ${r.status}`);
      }
      return (performance.now() - started) / 1000;
    },
    { endpoint, token: peerToken },
  );
  console.log(`  fetch loop, same photos: ${peer.toFixed(2).padStart(6)} s   (the worker takes ${(engine / peer).toFixed(2)}× as long: it also checks each photo first, reads them from IndexedDB and sends ${JOBS} job documents)`);

  // 3. Interrupted: a new device with the same jobs is closed after a third of its photos went
  //    up, then opened again; photos already on the server must not be sent again.
  const second = await browser.newContext();
  page = await second.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await seed(page);
  const third = Math.floor((JOBS * PHOTOS) / 3);
  counted.blobPuts = [];
  await setUpSync(page, phoneToken);
  while (counted.blobPuts.length < third) await new Promise((ok) => setTimeout(ok, 20));
  await page.close();
  const sent = counted.blobPuts.splice(0);
  // What the server had when the page was gone (an upload cut off mid-body is not there).
  const stored = new Set();
  for (const sha of sent) {
    const head = await fetch(`http://127.0.0.1:${port}/sync/v1/blobs/${sha}`, { method: "HEAD", headers: { Authorization: `Bearer ${phoneToken}` } });
    if (head.status === 200) stored.add(sha);
  }
  page = await second.newPage();
  await page.goto(`${base}/`);
  await page.getByRole("banner").getByRole("link", { name: "已全部同步" }).waitFor({ timeout: 600_000 });
  const resent = counted.blobPuts.filter((sha) => stored.has(sha)).length;
  console.log(
    `  closed after ${sent.length} photo uploads (${stored.size} on the server), reopened: ${counted.blobPuts.length} more sent; photos on the server sent again: ${resent} (goal 0)`,
  );
  if (resent > 0) failed = true;
  await browser.close();
} finally {
  proxy.close();
  server.stop();
}
if (failed) {
  console.error("a sync goal was missed");
  process.exit(1);
}
