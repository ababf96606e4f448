import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { SYNC_DATA, SYNC_PORT } from "../playwright.config";
import { createJob, drawSignature, openApp, seriousViolations, storedJob, tapDiagram } from "./helpers";
import { Network } from "./network";

// These tests run the app as the reference server serves it (the README's run command). The
// sync endpoint is the page's own origin, or a proxy in front of it (`Network`, another
// origin, so CORS is exercised too) where a test cuts the network.
const BASE = `http://127.0.0.1:${SYNC_PORT}`;
const ENDPOINT = `${BASE}/sync/v1`;
test.use({ baseURL: BASE });

const token = () => readFileSync(`${SYNC_DATA}/token`, "utf8").trim();
/** How long a job may take to reach the server: the worker starts after the page is up, and a
 * loaded 2-core machine is slow. */
const SYNCED = 30_000;
const managerToken = () => readFileSync(`${SYNC_DATA}/manager-token`, "utf8").trim();
const auth = () => ({ Authorization: `Bearer ${token()}` });

/** A plate of its own for each test, viewport and repeat: all share the server's store. */
function plateFor(info: TestInfo, n: number) {
  const project = info.project.name === "phone" ? 1 : 2;
  return `京S${project}${String(n + 10 * info.repeatEachIndex).padStart(4, "0")}`;
}

/** Enters the sync settings as an advisor does: endpoint, token, device name. */
async function setUpSync(page: Page, device: string, endpoint = ENDPOINT) {
  await page.goto("/sync");
  for (const [label, value] of [
    ["同步地址", endpoint],
    ["令牌", token()],
    ["设备名称", device],
  ]) {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).blur();
  }
}

/** The job as the server has it, or null. */
async function serverJob(request: APIRequestContext, id: string) {
  const answer = await request.get(`${ENDPOINT}/jobs/${id}`, { headers: auth() });
  return answer.ok() ? answer.json() : null;
}

/** How many times the job is in the server's change feed. */
async function timesInFeed(request: APIRequestContext, id: string) {
  let cursor = "";
  let times = 0;
  for (;;) {
    const answer = await request.get(`${ENDPOINT}/changes?since=${cursor}&limit=500`, { headers: auth() });
    const page = await answer.json();
    times += page.changes.filter((c: { id: string }) => c.id === id).length;
    cursor = page.next;
    if (!page.has_more) return times;
  }
}

/** Marks the glass as an issue with photos, then signs and seals the sheet with a reason. */
async function checkInWithPhotos(page: Page, id: string, photos: number) {
  await page.goto(`/jobs/${id}/check-in/checklist`);
  await page.getByRole("group", { name: "玻璃" }).getByRole("radio", { name: "有问题" }).check();
  // Camera-sized JPEGs, each different from any other run's: a screenshot with a random mark.
  const files = [];
  const seen = new Set();
  while (files.length < photos) {
    const mark = await page.evaluate(() => {
      const mark = document.body.appendChild(document.createElement("p"));
      mark.textContent = `${Math.random()}`;
      mark.style.cssText = "position:fixed;top:40%;left:0;z-index:9;font-size:40px;background:#fff";
      return mark.textContent;
    });
    const buffer = await page.screenshot({ type: "jpeg", quality: 80 });
    await page.getByText(mark).evaluate((p) => p.remove());
    const hash = createHash("sha256").update(buffer).digest("hex");
    if (!seen.has(hash)) files.push({ name: `glass-${files.length}.jpg`, mimeType: "image/jpeg", buffer });
    seen.add(hash);
  }
  await page.getByLabel("从相册选择").setInputFiles(files);
  // Each photo is downscaled, hashed and stored in turn: on a busy 2-core machine that takes
  // several seconds a photo, so the last one is waited for longer than a plain step.
  test.info().setTimeout(test.info().timeout + 15_000 * photos);
  await expect(page.getByRole("img", { name: `照片 ${photos}` })).toBeVisible({ timeout: 15_000 * photos });
  await page.goto(`/jobs/${id}/check-in/review`);
  await page.getByLabel("跳过原因（会记录在接车单上）").fill("同步测试：其余项目稍后补");
  await page.getByRole("button", { name: "记录原因并允许签字" }).click();
  await drawSignature(page);
  await page.getByLabel("签字人姓名").fill("李先生");
  await page.getByRole("button", { name: "确认签字并封存" }).click();
  await expect(page.getByRole("region", { name: "已签字封存" })).toBeVisible();
}

test("sync settings: the endpoint is checked next to the field, the connection tested, the values kept", async ({ page, context }) => {
  await openApp(page, "/sync");
  const badge = page.getByRole("main").getByText("未设置同步");
  await expect(badge).toBeVisible();
  const endpoint = page.getByLabel("同步地址");
  const connection = page.getByRole("status", { name: "测试连接" });

  // Plain http to another machine is refused next to the field, and the text is kept.
  await endpoint.fill("http://192.168.1.20/sync/v1");
  await endpoint.blur();
  await expect(page.locator("#sync-endpoint-error")).toHaveText("除本机外必须使用 https，以免令牌被明文传输。");
  await expect(endpoint).toHaveAttribute("aria-invalid", "true");
  await expect(endpoint).toHaveValue("http://192.168.1.20/sync/v1");

  await endpoint.fill(`${ENDPOINT}/`);
  await endpoint.blur();
  await expect(page.locator("#sync-endpoint-error")).toBeEmpty();
  await page.getByLabel("令牌").fill("lc_not-a-token");
  await page.getByRole("button", { name: "测试连接" }).click();
  await expect(connection).toHaveText("令牌无效或已停用。");
  // Saved anyway, a refused token pauses sync, and the badge says so.
  await page.getByLabel("令牌").blur();
  await expect(page.getByRole("banner").getByRole("link", { name: "令牌无效，同步已暂停" })).toBeVisible();

  await page.getByLabel("令牌").fill(token());
  await page.getByRole("button", { name: "测试连接" }).click();
  await expect(connection).toHaveText("已连接：门店 一店，顾问 王顾问");
  await page.getByLabel("令牌").blur();
  await page.getByLabel("设备名称").fill("前台 iPad");
  await page.getByLabel("设备名称").blur();
  await expect(page.getByRole("banner").getByRole("link", { name: "已全部同步" })).toBeVisible();

  await page.reload();
  await expect(endpoint).toHaveValue(`${ENDPOINT}/`.slice(0, -1));
  await expect(page.getByLabel("设备名称")).toHaveValue("前台 iPad");
  await context.setOffline(true);
  await page.getByRole("button", { name: "测试连接" }).click();
  await expect(connection).toHaveText(/无法连接到该地址/);
});

test("a check-in done offline with photos reaches the server, with its seal, once the device is online", async ({ page, context, request }, info) => {
  const network = await Network.start(SYNC_PORT);
  await openApp(page);
  await setUpSync(page, `前台 ${info.project.name}`, `http://127.0.0.1:${network.port}/sync/v1`);
  await expect(page.getByRole("banner").getByRole("link", { name: "已全部同步" })).toBeVisible();

  network.up = false;
  await context.setOffline(true);
  await page.goto("/");
  const plate = plateFor(info, 1);
  await createJob(page, plate);
  const id = page.url().split("/jobs/")[1];
  await checkInWithPhotos(page, id, 3);
  await page.goto("/");
  const card = page.getByRole("link").filter({ hasText: plate });
  await expect(card.getByText("等待上传")).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: /^(离线，待同步 1|连接失败，稍后重试)$/ })).toBeVisible();
  expect(await serverJob(request, id)).toBeNull();
  // The queue says what waits.
  await page.getByRole("banner").getByRole("link", { name: /待同步|重试/ }).click();
  await expect(page.getByRole("listitem").filter({ hasText: plate }).getByText("等待上传")).toBeVisible();
  expect(await seriousViolations(page), "sync queue").toEqual([]);
  await page.screenshot({ path: `screenshots/${info.project.name}-sync-queue.png`, fullPage: true });
  await page.goto("/");

  network.up = true;
  await context.setOffline(false);
  await expect(card.getByText("已同步")).toBeVisible({ timeout: SYNCED });
  await expect(page.getByRole("banner").getByRole("link", { name: "已全部同步" })).toBeVisible();
  const local = await storedJob(page, id);
  const stored = await serverJob(request, id);
  expect(stored.document.job.revision).toBe(local.revision);
  expect(stored.document.job.seal).toEqual(local.seal);
  expect(stored.document.job.photos.map((p: { sha256: string }) => p.sha256)).toEqual(local.photos.map((p: { sha256: string }) => p.sha256));
  for (const sha of [...local.photos.map((p: { sha256: string }) => p.sha256), local.signature.png_sha256]) {
    expect((await request.head(`${ENDPOINT}/blobs/${sha}`, { headers: auth() })).status(), sha).toBe(200);
  }
  expect(await timesInFeed(request, id)).toBe(1);

  // The service manager sees it, seal verified, on the server's page.
  await page.goto("/manager");
  await page.getByLabel("令牌 Token").fill(managerToken());
  await page.getByRole("button", { name: "进入 Open" }).click();
  await expect(page.getByText(plate)).toBeVisible();
  await network.stop();
});

test("a page killed in the middle of an upload resumes without sending a photo twice; another device sees the job and its damage", async ({ browser, page, context, request }, info) => {
  const network = await Network.start(SYNC_PORT);
  await openApp(page);
  await setUpSync(page, `前台 ${info.project.name}`, `http://127.0.0.1:${network.port}/sync/v1`);
  network.up = false;
  await context.setOffline(true);
  await page.goto("/");
  const plate = plateFor(info, 2);
  await createJob(page, plate);
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/damage`);
  await tapDiagram(page, 0.3, 0.5);
  await expect(page.getByRole("heading", { name: "损伤 1" })).toBeVisible();
  await checkInWithPhotos(page, id, 4);
  const local = await storedJob(page, id);
  // The server may have the signature image already (the same stroke, signed in another test).
  const refs = [...new Set([...local.photos.map((p: { sha256: string }) => p.sha256), local.signature.png_sha256])];
  const missing = [];
  for (const sha of refs) {
    if ((await request.head(`${ENDPOINT}/blobs/${sha}`, { headers: auth() })).status() === 404) missing.push(sha);
  }
  const blobs = missing.length;
  expect(blobs).toBeGreaterThanOrEqual(4);

  // The job's document never gets through while this page lives: its blobs go up, then the
  // page is closed in the middle of the job's upload.
  const blobPuts = () => network.seen.filter((r) => r.startsWith("PUT /sync/v1/blobs/")).length;
  network.hold = (method, path) => method === "PUT" && path === `/sync/v1/jobs/${id}`;
  network.up = true;
  await context.setOffline(false);
  await expect.poll(blobPuts).toBe(blobs);
  await page.close();
  network.release();
  expect(await serverJob(request, id)).toBeNull();

  network.hold = null;
  const reopened = await context.newPage();
  await reopened.goto("/");
  const card = reopened.getByRole("link").filter({ hasText: plate });
  await expect(card.getByText("已同步")).toBeVisible({ timeout: SYNCED });
  expect(blobPuts()).toBe(blobs);
  expect((await serverJob(request, id)).document.job.seal).toEqual(local.seal);
  expect(await timesInFeed(request, id)).toBe(1);

  // Another phone of the same store: the job comes down into its list.
  const other = await browser.newContext({ viewport: page.viewportSize()! });
  const second = await other.newPage();
  await openApp(second);
  await setUpSync(second, "维修车间 平板");
  await second.goto("/");
  await expect(second.getByRole("link").filter({ hasText: plate }).getByText("已同步")).toBeVisible({ timeout: SYNCED });
  // The car comes back: its damage from the visit checked in on the other phone is old damage.
  await createJob(second, plate);
  const again = second.url().split("/jobs/")[1];
  await second.goto(`/jobs/${again}/check-in/damage`);
  await expect(second.getByText("灰色：以往到店记录的 1 处旧损伤，不计入本次。")).toBeVisible();
  await other.close();
  await network.stop();
});

/** Signs and seals job `id`'s sheet (gate skipped with a reason) for `signer`. */
async function sign(page: Page, id: string, signer: string) {
  await page.goto(`/jobs/${id}/check-in/review`);
  await page.getByLabel("跳过原因（会记录在接车单上）").fill("同步测试：两台设备各自签字");
  await page.getByRole("button", { name: "记录原因并允许签字" }).click();
  await drawSignature(page);
  await page.getByLabel("签字人姓名").fill(signer);
  await page.getByRole("button", { name: "确认签字并封存" }).click();
  await expect(page.getByRole("region", { name: "已签字封存" })).toBeVisible();
}

test("a sheet signed on two devices without network is a conflict: both copies kept and shown side by side", async ({ browser, page, request }, info) => {
  const [first, second] = [await Network.start(SYNC_PORT), await Network.start(SYNC_PORT)];
  await openApp(page);
  await setUpSync(page, "前台 1", `http://127.0.0.1:${first.port}/sync/v1`);
  await page.goto("/");
  const plate = plateFor(info, 3);
  await createJob(page, plate);
  const id = page.url().split("/jobs/")[1];
  await page.goto("/");
  await expect(page.getByRole("link").filter({ hasText: plate }).getByText("已同步")).toBeVisible({ timeout: SYNCED });

  const other = await browser.newContext({ viewport: page.viewportSize()! });
  const otherPage = await other.newPage();
  await openApp(otherPage);
  await setUpSync(otherPage, "前台 2", `http://127.0.0.1:${second.port}/sync/v1`);
  await otherPage.goto("/");
  await expect(otherPage.getByRole("link").filter({ hasText: plate }).getByText("已同步")).toBeVisible({ timeout: SYNCED });

  // Both lose the network; the customer signs on one, then (another customer? a mix-up) on the other.
  first.up = second.up = false;
  await sign(page, id, "李先生");
  await sign(otherPage, id, "张女士");
  first.up = true;
  await page.goto("/sync");
  await page.getByRole("button", { name: "立即同步" }).click();
  await expect(page.getByRole("main").getByText("已全部同步")).toBeVisible();
  expect((await serverJob(request, id)).document.job.signature.signer).toBe("李先生");

  second.up = true;
  await otherPage.goto("/sync");
  await otherPage.getByRole("button", { name: "立即同步" }).click();
  const entry = otherPage.getByRole("listitem").filter({ hasText: plate });
  await expect(entry.getByText("冲突：服务器上的版本已在别处签字，两份都已保留")).toBeVisible();
  await expect(otherPage.getByRole("banner").getByRole("link", { name: "同步需要处理" })).toBeVisible();
  await expect(entry.getByRole("region", { name: "本机的版本" }).getByText(/签字人 张女士/)).toBeVisible();
  await expect(entry.getByRole("region", { name: "服务器上的版本" }).getByText(/签字人 李先生/)).toBeVisible();
  await otherPage.screenshot({ path: `screenshots/${info.project.name}-sync-conflict.png`, fullPage: true });
  // Nothing was dropped: the server keeps the first signature, this device its own.
  expect((await serverJob(request, id)).document.job.signature.signer).toBe("李先生");
  expect((await storedJob(otherPage, id)).signature.signer).toBe("张女士");
  await other.close();
  await first.stop();
  await second.stop();
});

test("a busy server is retried after its Retry-After; a refusal is shown with the server's message and the rest goes on", async ({ page, request }, info) => {
  const network = await Network.start(SYNC_PORT);
  await openApp(page);
  await setUpSync(page, "前台", `http://127.0.0.1:${network.port}/sync/v1`);
  network.up = false;
  await page.goto("/");
  const [busyPlate, refused] = [plateFor(info, 4), plateFor(info, 5)];
  await createJob(page, busyPlate);
  const busyId = page.url().split("/jobs/")[1];
  await createJob(page, refused);
  const refusedId = page.url().split("/jobs/")[1];

  // The server is busy for every write until the advisor has seen it retrying: 503 with
  // Retry-After. (Answering only the first write so left the badge's state to a race with a
  // loaded machine: it could pass before the page showed it.)
  let busy = true;
  let busyAnswers = 0;
  network.answer = (method, path) => {
    if (method === "PUT" && path === `/sync/v1/jobs/${refusedId}`) {
      return { status: 422, body: JSON.stringify({ code: "invalid_document", message: "车架号与经销商系统记录不符" }) };
    }
    if (method === "PUT" && busy) {
      busyAnswers++;
      return { status: 503, headers: { "retry-after": "2" }, body: JSON.stringify({ code: "busy", message: "busy" }) };
    }
    return null;
  };
  network.up = true;
  // The sync page is another page: its worker starts with a round.
  await page.goto("/sync");
  const badge = page.getByRole("banner").getByRole("status").getByRole("link");
  await expect(badge).toHaveText("连接失败，稍后重试");
  busy = false;
  // After the Retry-After the worker tries again by itself: the busy job goes through, the
  // refused one waits in the queue with the server's message.
  const entry = page.getByRole("listitem").filter({ hasText: refused });
  await expect(entry.getByText("服务器拒绝：车架号与经销商系统记录不符")).toBeVisible();
  await expect(badge).toHaveText("同步需要处理");
  await expect.poll(() => serverJob(request, busyId)).not.toBeNull();
  expect(await serverJob(request, refusedId)).toBeNull();
  await expect(page.getByRole("listitem").filter({ hasText: busyPlate })).toHaveCount(0);
  expect(busyAnswers).toBeGreaterThanOrEqual(1);
  await network.stop();
});

test("a plate this device does not hold is found on the server and opened from there; without network only the device is searched", async ({ browser, page }, info) => {
  // The first device writes the job to the server.
  await openApp(page);
  await setUpSync(page, "前台 1");
  await page.goto("/");
  const plate = plateFor(info, 6);
  await createJob(page, plate);
  await page.goto("/");
  await expect(page.getByRole("link").filter({ hasText: plate }).getByText("已同步")).toBeVisible({ timeout: SYNCED });

  // A new tablet whose pull leaves the job out, as it leaves out a store's old finished jobs.
  const network = await Network.start(SYNC_PORT);
  network.answer = (method, path) =>
    method === "GET" && path.startsWith("/sync/v1/changes")
      ? { status: 200, body: '{"changes":[],"next":"","has_more":false}' }
      : null;
  const other = await browser.newContext({ viewport: page.viewportSize()! });
  const tablet = await other.newPage();
  await openApp(tablet);
  await setUpSync(tablet, "前台 2", `http://127.0.0.1:${network.port}/sync/v1`);
  await tablet.goto("/");
  await tablet.getByLabel("按车牌或车架号搜索").fill(plate.slice(1).toLowerCase());
  await expect(tablet.getByText("本机没有匹配的接车单")).toBeVisible();
  await expect(tablet.getByRole("heading", { name: "服务器上的接车单（不在本机）" })).toBeVisible({ timeout: SYNCED });
  await tablet.screenshot({ path: `screenshots/${info.project.name}-search-server.png`, fullPage: true });
  const found = tablet.getByRole("link").filter({ hasText: plate });
  await expect(found).toContainText("在服务器上");
  await expect(found).not.toContainText("已同步");
  await found.click();
  // Read from the server onto the tablet: the job itself, with its history.
  await expect(tablet.getByRole("heading", { level: 1, name: plate })).toBeVisible({ timeout: SYNCED });
  await expect(tablet.getByRole("heading", { name: "变更记录" })).toBeVisible();
  expect(network.seen.filter((r) => r.startsWith("GET /sync/v1/jobs/")).length).toBeGreaterThanOrEqual(1);
  // It is on the tablet now: found there without the server, and opened offline.
  network.up = false;
  await other.setOffline(true);
  await tablet.goto("/");
  await tablet.getByLabel("按车牌或车架号搜索").fill(plate.slice(2));
  await expect(tablet.locator(".job-card .plate")).toHaveText([plate]);
  await tablet.getByLabel("按车牌或车架号搜索").fill("Z9Z9Z");
  await expect(tablet.getByText("未能连接服务器，只搜索了本机。")).toBeVisible({ timeout: SYNCED });
  await expect(tablet.getByRole("link").filter({ hasText: plate })).toHaveCount(0);
  await other.close();
  await network.stop();
});
