import { expect, test } from "@playwright/test";
import { createJob, openApp } from "./helpers";

test("a job that left the device shows its summary in the list and on its page, offline too", async ({ page, context }) => {
  await openApp(page);
  await createJob(page, "鲁B54321");
  const id = page.url().split("/jobs/")[1];
  // What the daily retention pass leaves of a finished job the server holds (IdbStore::evict,
  // tested in tests/idb.rs): its summary, marked as no longer on the device, and no record.
  await page.evaluate(
    (id) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("lanecheck");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(["jobs", "summaries"], "readwrite");
          tx.objectStore("jobs").delete(id);
          const summaries = tx.objectStore("summaries");
          const get = summaries.get(id);
          get.onsuccess = () => summaries.put({ ...get.result, on_device: false, state: "Delivered" });
          tx.oncomplete = () => {
            open.result.close();
            ok(null);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    id,
  );
  await context.setOffline(true);
  await page.goto("/");
  const card = page.getByRole("link", { name: /鲁B54321/ });
  await expect(card).toContainText("仅存摘要");
  await expect(card).toContainText("已交车");
  await card.click();
  await expect(page.getByRole("heading", { level: 1, name: "鲁B54321" })).toBeVisible();
  await expect(page.getByText("已从本机移出")).toBeVisible();
  await expect(page.locator(".badges")).toContainText("仅存摘要");
  // Nothing of the job is left to continue or to change here.
  await expect(page.getByRole("link", { name: "继续环车检查" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("已从本机移出")).toBeVisible();
});
