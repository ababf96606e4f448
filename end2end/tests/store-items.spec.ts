import { expect, test } from "@playwright/test";
import { createJob, openApp } from "./helpers";

test("the store's own checklist items are set in settings and checked on every new job", async ({ page }) => {
  await openApp(page, "/settings");
  const field = page.getByLabel("本店附加检查项目（每行一项）");
  await field.fill("  洗车液 \n\n备用钥匙\n洗车液");
  await field.blur();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await page.reload();
  await expect(field).toHaveValue("洗车液\n备用钥匙");

  // A line too long: a message next to the field, the text kept, the saved items unchanged.
  const long = "检".repeat(31);
  await field.fill(`洗车液\n${long}`);
  await field.blur();
  await expect(page.locator("#store-items-error")).toHaveText("第 2 行太长：每项最多 30 个字。");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue(`洗车液\n${long}`);

  await createJob(page, "京A12345");
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/checklist`);
  await expect(page.getByRole("group", { name: "洗车液" })).toBeVisible();
  await expect(page.getByRole("group", { name: "备用钥匙" })).toBeVisible();
  await page.goto(`/jobs/${id}/check-in/review`);
  await expect(page.getByRole("link", { name: "检查“备用钥匙”" })).toBeVisible();
});
