import { expect, test, type Page } from "@playwright/test";
import { createJob, openApp } from "./helpers";

/** The photos stored on the job, read from IndexedDB as the app stored them. */
async function storedPhotos(page: Page, id: string) {
  return page.evaluate(
    (id) =>
      new Promise<{ width: number; height: number; sha256: string; target: unknown }[]>((ok, fail) => {
        const open = indexedDB.open("lanecheck");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("jobs").objectStore("jobs").get(id);
          get.onsuccess = () => {
            open.result.close();
            ok(get.result.job.photos);
          };
        };
      }),
    id,
  );
}

test("an issue is photographed offline: downscaled, stored, shown, and deletable", async ({ page, context }) => {
  await openApp(page);
  await context.setOffline(true);
  await createJob(page, "京A12345");
  const id = page.url().split("/jobs/")[1];
  // A real camera-sized JPEG: a screenshot of the page at this device's resolution.
  const shot = await page.screenshot({ type: "jpeg", quality: 80, fullPage: true });
  await page.goto(`/jobs/${id}/check-in/checklist`);
  const other = await page.screenshot({ type: "jpeg", quality: 80, fullPage: true });
  await page.getByRole("group", { name: "玻璃" }).getByRole("radio", { name: "有问题" }).check();

  await page.getByLabel("从相册选择").setInputFiles([
    { name: "glass-1.jpg", mimeType: "image/jpeg", buffer: shot },
    { name: "glass-2.jpg", mimeType: "image/jpeg", buffer: other },
  ]);
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();
  // The same picture again is the same blob, linked once.
  await page.getByLabel("拍照").setInputFiles({ name: "again.jpg", mimeType: "image/jpeg", buffer: shot });
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();
  await expect(page.getByRole("img", { name: "照片 3" })).toHaveCount(0);
  expect(await page.getByRole("img", { name: "照片 1" }).evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);

  const photos = await storedPhotos(page, id);
  expect(photos).toHaveLength(2);
  for (const photo of photos) {
    expect(Math.max(photo.width, photo.height)).toBeLessThanOrEqual(1600);
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(photo.target).toEqual({ Check: "Glass" });
  }

  await page.getByRole("button", { name: "删除照片 1" }).click();
  await expect(page.getByRole("img", { name: "照片 2" })).toHaveCount(0);
  expect(await storedPhotos(page, id)).toHaveLength(1);
});

test("a file that is not a photo gets a message and changes nothing", async ({ page }) => {
  await openApp(page);
  await createJob(page, "京A12345");
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/concerns`);
  await page.getByLabel("客户原话").fill("刹车异响");
  await page.getByRole("button", { name: "记录这条描述" }).click();
  await page.getByLabel("拍照").setInputFiles({ name: "broken.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a jpeg") });
  await expect(page.getByRole("alert").filter({ hasText: "“broken.jpg”无法作为照片读取" })).toBeVisible();
  expect(await storedPhotos(page, id)).toHaveLength(0);
});
