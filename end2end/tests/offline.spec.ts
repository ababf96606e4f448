import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { createJob, openApp } from "./helpers";

test("with the network cut, a job is created and the app reloads from the service worker", async ({ page, context }) => {
  await openApp(page);
  await context.setOffline(true);
  await expect(page.getByText("离线")).toBeVisible();

  await createJob(page, "苏E12345F");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "苏E12345F" })).toBeVisible();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接车单" }).click();
  await expect(page.getByRole("link", { name: /苏E12345F/ })).toBeVisible();
});

test("after one visit the app starts with its web server stopped", async ({ page }, testInfo) => {
  const port = 8100 + testInfo.workerIndex;
  const server = spawn("node", ["../tools/serve.mjs", "--port", String(port), "--dir", "../dist"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => server.stdout!.once("data", () => resolve()));
  try {
    await openApp(page, `http://127.0.0.1:${port}/`);
    await createJob(page, "浙A8888D");
  } finally {
    const stopped = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await stopped;
  }
  await expect(page.request.get(`http://127.0.0.1:${port}/`)).rejects.toThrow();

  await page.goto(`http://127.0.0.1:${port}/`);
  await expect(page.getByRole("link", { name: /浙A8888D/ })).toBeVisible();
  await page.getByRole("link", { name: /浙A8888D/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "浙A8888D" })).toBeVisible();
  await page.goto(`http://127.0.0.1:${port}/settings`);
  await expect(page.getByRole("heading", { level: 1, name: "设置" })).toBeVisible();
  // The check-in's four pages (reception, inspection, damage diagram, signing) come from the
  // cache too, and their links to each other load one another: every step, back from
  // signing to the arrival, and forward again across each page's edge.
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByRole("link", { name: /浙A8888D/ }).click();
  const job = page.url().split("/jobs/")[1];
  await page.goto(`http://127.0.0.1:${port}/jobs/${job}/check-in/review`);
  await expect(page.getByRole("heading", { level: 1, name: "确认签字" })).toBeVisible();
  for (const step of ["客户描述", "贵重物品", "损伤标记", "检查项目", "四件套", "客户与车辆", "到店接待"]) {
    await page.getByRole("link", { name: "上一步" }).click();
    await expect(page.getByRole("heading", { level: 1, name: step })).toBeVisible();
  }
  for (const step of ["客户与车辆", "四件套", "检查项目", "损伤标记", "贵重物品", "客户描述", "确认签字"]) {
    await page.getByRole("link", { name: "下一步" }).click();
    await expect(page.getByRole("heading", { level: 1, name: step })).toBeVisible();
  }
});

test("every page loads without a console error: every file found, every integrity hash right", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await openApp(page);
  await createJob(page, "京A12345");
  await page.getByRole("link", { name: "继续环车检查" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "到店接待" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "到店接待" })).toBeVisible();
  // The other pages of the check-in (inspection, damage diagram, signing): each reached from
  // the step bar, and loaded anew.
  for (const step of ["检查项目", "损伤标记", "确认签字"]) {
    await page.getByRole("navigation", { name: "环车接车" }).getByRole("link", { name: step }).click();
    await expect(page.getByRole("heading", { level: 1, name: step })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: step })).toBeVisible();
  }
  expect(errors).toEqual([]);
});
