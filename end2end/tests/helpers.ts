import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";

/** Opens the app and waits until its service worker controls the page (offline-ready). */
export async function openApp(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Creates a job through the "new job" form, as an advisor would, and waits until it is saved. */
export async function createJob(page: Page, plate: string, visit: "直接入厂" | "预约" = "直接入厂") {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "新建" }).click();
  await page.getByRole("radio", { name: visit }).check();
  await page.getByLabel("车牌号").fill(plate);
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.getByRole("heading", { level: 1, name: plate })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
}

/** Taps the damage diagram at a fraction of its width and height. */
export async function tapDiagram(page: Page, fx: number, fy: number) {
  const diagram = page.getByRole("img", { name: "点按车身图，在损伤位置做标记" });
  await diagram.scrollIntoViewIfNeeded();
  const box = (await diagram.boundingBox())!;
  await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
}

/** Draws a stroke on the signature pad with pointer moves, as a finger would. */
export async function drawSignature(page: Page) {
  const pad = page.getByRole("img", { name: "请客户在此签字" });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(box.x + 20 + i * 8, box.y + box.height / 2 + Math.sin(i / 3) * 30, { steps: 2 });
  }
  await page.mouse.up();
}

/** The job as the app stored it in IndexedDB. */
export async function storedJob(page: Page, id: string) {
  return page.evaluate(
    (id) =>
      new Promise<any>((ok, fail) => {
        const open = indexedDB.open("lanecheck");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("jobs").objectStore("jobs").get(id);
          get.onsuccess = () => {
            open.result.close();
            ok(get.result.job);
          };
        };
      }),
    id,
  );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The serious and critical accessibility violations axe-core finds on the page. It is put in
 * as the test tool's own evaluation, not as a script tag, which the app's policy refuses. */
export async function seriousViolations(page: Page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const { violations } = await window.axe.run(document);
    return violations.map((v: { id: string; impact: string; nodes: unknown[] }) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
    }));
  });
  return results.filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical");
}
