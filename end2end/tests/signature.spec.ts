import { expect, test } from "@playwright/test";
import { createJob, drawSignature, openApp } from "./helpers";

test("the customer signs on the pad; the sheet is sealed and read-only", async ({ page, context }) => {
  await openApp(page);
  await context.setOffline(true);
  await createJob(page, "京A12345");
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/review`);
  await page.getByLabel("跳过原因（会记录在接车单上）").fill("演示：客户赶时间");
  await page.getByRole("button", { name: "记录原因并允许签字" }).click();

  await page.getByRole("button", { name: "确认签字并封存" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请先在签字框内签字。" })).toBeVisible();

  await drawSignature(page);
  await page.getByLabel("签字人姓名").fill("李先生");
  await page.getByRole("button", { name: "确认签字并封存" }).click();

  const sealed = page.getByRole("region", { name: "已签字封存" });
  await expect(sealed).toBeVisible();
  await expect(sealed.getByText(/签字人 李先生/)).toBeVisible();
  await expect(sealed.getByText("封存校验：内容未被改动")).toBeVisible();
  await expect(sealed.locator("code")).toHaveText(/^[0-9a-f]{64}$/);
  // The signature image comes back from IndexedDB.
  await expect(sealed.getByRole("img", { name: "客户签字" })).toBeVisible();
  expect(await sealed.getByRole("img", { name: "客户签字" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // Sealed means read-only: the covers can no longer change.
  await page.goto(`/jobs/${id}/check-in/covers`);
  await expect(page.getByLabel("座椅套")).toBeDisabled();
  await page.goto(`/jobs/${id}/check-in/customer`);
  await expect(page.getByLabel("车主姓名")).toBeDisabled();
  await page.goto(`/jobs/${id}`);
  await expect(page.getByText("已签字接车")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "客户签字接车" })).toBeVisible();
});

test("undo removes the last stroke and clear empties the pad", async ({ page }) => {
  await openApp(page);
  await createJob(page, "京A12345");
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/review`);
  await page.getByLabel("跳过原因（会记录在接车单上）").fill("测试");
  await page.getByRole("button", { name: "记录原因并允许签字" }).click();
  const pad = page.getByRole("img", { name: "请客户在此签字" });
  const inked = () =>
    pad.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
  expect(await inked()).toBe(0);
  await drawSignature(page);
  const one = await inked();
  expect(one).toBeGreaterThan(100);
  await page.getByRole("button", { name: "撤销一笔" }).click();
  expect(await inked()).toBe(0);
  await drawSignature(page);
  await page.getByRole("button", { name: "清除重签" }).click();
  expect(await inked()).toBe(0);
});
