import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createJob, openApp } from "./helpers";

test("a new version is offered, applied on request, and the old cache is removed", async ({ page }, testInfo) => {
  const dir = mkdtempSync(join(tmpdir(), "lanecheck-update-"));
  cpSync("../dist", dir, { recursive: true });
  const port = 8110 + testInfo.workerIndex;
  const server = spawn("node", ["../tools/serve.mjs", "--port", String(port), "--dir", dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => server.stdout!.once("data", () => resolve()));
  try {
    await openApp(page, `http://127.0.0.1:${port}/`);
    await createJob(page, "京A12345");
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(1);

    // Publish a new build: the worker's content (and so its cache version) changes.
    const worker = join(dir, "sw.js");
    writeFileSync(worker, readFileSync(worker, "utf8").replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1next"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const banner = page.getByRole("status").filter({ hasText: "LaneCheck 有新版本" });
    await expect(banner).toBeVisible();
    await banner.getByRole("button", { name: "重新加载" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "京A12345" })).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`${before[0]}next`]);
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
});
