import { expect, test } from "@playwright/test";
import { createJob, openApp } from "./helpers";

test("a walk-in job is created, listed and still there after a reload", async ({ page }) => {
  await openApp(page);
  await expect(page.getByText("还没有接车单")).toBeVisible();

  await createJob(page, "京A12345");
  await expect(page.getByText("已到店")).toBeVisible();
  await expect(page.getByText("直接入厂")).toBeVisible();

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接车单" }).click();
  const card = page.getByRole("link", { name: /京A12345/ });
  await expect(card).toBeVisible();

  await page.reload();
  await expect(page.getByRole("link", { name: /京A12345/ })).toBeVisible();
});

// Regression: a job asked for while the device's storage was still opening failed with
// "storage unavailable" (seen on a loaded machine after a quick tap on a freshly loaded page).
test("a job asked for while storage is still opening is created once it is open", async ({ page }) => {
  await openApp(page);
  // From now on every page's database takes a second and a half to open.
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args: [string, number?]) {
      const request = open.apply(this, args);
      request.addEventListener(
        "success",
        (event) => {
          event.stopImmediatePropagation();
          setTimeout(() => request.dispatchEvent(new Event("success")), 1500);
        },
        { once: true },
      );
      return request;
    };
  });
  await page.goto("/new");
  await page.getByLabel("车牌号").fill("京D24680");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "京D24680" })).toBeVisible();
  await expect(page.getByText("无法使用本机存储")).toHaveCount(0);
});

test("jobs are listed newest first and found by plate", async ({ page }) => {
  await openApp(page);
  await createJob(page, "沪AD12345", "预约");
  await expect(page.getByText("已预约")).toBeVisible();
  await createJob(page, "粤B1234学");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接车单" }).click();

  const plates = page.locator(".job-card .plate");
  await expect(plates).toHaveText(["粤B1234学", "沪AD12345"]);

  await page.getByLabel("按车牌或车架号搜索").fill("ad12");
  await expect(plates).toHaveText(["沪AD12345"]);
  await page.getByLabel("按车牌或车架号搜索").fill("京Z");
  await expect(page.getByText("没有匹配的接车单")).toBeVisible();
});

test("a step of the check-in is recorded in the job's history", async ({ page }) => {
  await openApp(page);
  await createJob(page, "京B54321");
  await page.getByRole("link", { name: "继续环车检查" }).click();
  await page.getByRole("button", { name: "已接待客户" }).click();
  await expect(page.getByRole("button", { name: "已接待客户" })).toHaveCount(0);
  await page.getByRole("link", { name: "京B54321" }).click();
  await page.reload();
  const history = page.getByRole("list").last().getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("接待客户");
});

test("the list shows the newest 30 and more on request; a VIN is found by its last six", async ({ page }, info) => {
  test.setTimeout(120_000);
  await openApp(page);
  // 31 cars, offline: the list and its search read the device only.
  await page.context().setOffline(true);
  for (let n = 0; n < 31; n++) {
    await page.goto("/new");
    await page.getByLabel("车牌号").fill(`京C${String(n).padStart(5, "0")}`);
    await page.getByRole("button", { name: "创建接车单" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `京C${String(n).padStart(5, "0")}` })).toBeVisible();
  }
  // The oldest gets its VIN on the customer step.
  await page.goto("/");
  await page.getByRole("button", { name: "显示更多" }).click();
  await page.getByRole("link", { name: /京C00000/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "京C00000" })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/check-in/customer`);
  await page.getByLabel("车主姓名").fill("李先生");
  await page.getByLabel("车架号（VIN）").fill("1M8GDM9AXKP042788");
  await page.getByRole("button", { name: "保存客户与车辆信息" }).click();
  await expect(page.getByRole("banner").getByRole("status")).toContainText("已保存");

  await page.goto("/");
  const plates = page.locator(".job-card .plate");
  await expect(page.getByText("最新 30 单")).toBeVisible();
  await expect(plates).toHaveCount(30);
  await expect(plates.first()).toHaveText("京C00030");
  await page.getByRole("button", { name: "显示更多" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `screenshots/${info.project.name}-job-list-more.png` });
  await expect(page.getByRole("link", { name: /京C00000/ })).toHaveCount(0);
  await page.getByRole("button", { name: "显示更多" }).click();
  await expect(page.getByText("共 31 单")).toBeVisible();
  await expect(plates.last()).toHaveText("京C00000");
  await expect(page.getByRole("button", { name: "显示更多" })).toHaveCount(0);

  await page.getByLabel("按车牌或车架号搜索").fill("042788");
  await expect(plates).toHaveText(["京C00000"]);
  await page.getByLabel("按车牌或车架号搜索").fill("00012");
  await expect(plates).toHaveText(["京C00012"]);
  await page.getByLabel("按车牌或车架号搜索").fill("");
  await expect(plates).toHaveCount(30);
});
