import { expect, test, type Page } from "@playwright/test";
import { createJob, openApp, storedJob } from "./helpers";

const next = (page: Page) => page.getByRole("link", { name: "下一步" }).click();
const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();

test("a check-in done offline, step by step, survives a reload in the middle", async ({ page, context }) => {
  await openApp(page);
  await context.setOffline(true);
  await createJob(page, "京A12345");
  await page.getByRole("link", { name: "继续环车检查" }).click();

  // 1. Arrival and greeting: the timer runs until the customer is greeted.
  await expect(page.getByRole("heading", { level: 1, name: "到店接待" })).toBeVisible();
  await expect(page.getByRole("timer")).toContainText("秒");
  await page.getByRole("button", { name: "已接待客户" }).click();
  await expect(page.getByRole("button", { name: "已接待客户" })).toHaveCount(0);
  await page.getByRole("button", { name: "已告知预约优惠" }).click();
  await expect(page.getByText("已告知客户预约优惠")).toBeVisible();
  await next(page);

  // 2. Customer and vehicle, with validation next to the fields.
  await expect(page.getByRole("heading", { level: 1, name: "客户与车辆" })).toBeVisible();
  await page.getByLabel("车主姓名").fill("李先生");
  await page.getByLabel("车主手机").fill("13800abc");
  await page.getByLabel("车架号（VIN）").fill("1M8GDM9A1KP042788");
  await page.getByLabel("里程（公里）").fill("12.5");
  await page.getByRole("button", { name: "保存客户与车辆信息" }).click();
  await expect(page.locator("#owner-phone-error")).toHaveText("这不是有效的电话号码。");
  await expect(page.locator("#odometer-error")).toHaveText("里程数应为整数公里。");
  await expect(page.locator("#vin-warning")).toContainText("校验位不符（应为 X）");
  // Not a mainland mobile: accepted, with a caution.
  await page.getByLabel("车主手机").fill("1380013800");
  await expect(page.locator("#owner-phone-error")).toBeEmpty();
  await expect(page.locator("#owner-phone-warning")).toHaveText(/不是大陆手机号格式/);
  await page.getByLabel("车主手机").fill("13800138000");
  await expect(page.locator("#owner-phone-warning")).toBeEmpty();
  await page.getByLabel("里程（公里）").fill("12345");
  await page.getByRole("radio", { name: "4/8 格" }).check();
  await page.getByLabel("行驶证").check();
  await page.getByRole("button", { name: "保存客户与车辆信息" }).click();
  // A VIN check-digit mismatch blocks saving until the advisor confirms it.
  await expect(page.locator("#owner-phone-error")).toBeEmpty();
  await page.getByLabel("车架号已核对无误").check();
  await page.getByRole("button", { name: "保存客户与车辆信息" }).click();
  await saved(page);
  await page.reload();
  await expect(page.getByLabel("车主姓名")).toHaveValue("李先生");
  await expect(page.getByLabel("里程（公里）")).toHaveValue("12345");
  await expect(page.getByRole("radio", { name: "4/8 格" })).toBeChecked();
  await next(page);

  // 3. Covers: four quick taps, none lost.
  for (const cover of ["座椅套", "方向盘套", "脚垫", "换挡杆套"]) await page.getByLabel(cover).check();
  await expect(page.getByLabel("换挡杆套")).toBeChecked();
  // The reload comes once the four are on the device (a tick shows at once; its save follows).
  const id = page.url().split("/jobs/")[1].split("/")[0];
  await expect.poll(async () => (await storedJob(page, id)).covers.length).toBe(4);
  await page.reload();
  for (const cover of ["座椅套", "方向盘套", "脚垫", "换挡杆套"]) await expect(page.getByLabel(cover)).toBeChecked();
  await next(page);

  // 4. Checklist: one issue with a note, the rest in one tap, visible and undoable.
  const glass = page.getByRole("group", { name: "玻璃" });
  await glass.getByRole("radio", { name: "有问题" }).check();
  await page.getByLabel("问题说明").fill("前挡风玻璃裂纹");
  await page.getByLabel("问题说明").press("Tab");
  await saved(page);
  await page.getByRole("button", { name: "其余全部正常" }).click();
  await expect(page.getByText("由“其余全部正常”设置")).toHaveCount(14);
  await page.getByRole("button", { name: "撤销“其余全部正常”" }).click();
  await expect(page.getByText("还有 14 项未检查")).toBeVisible();
  await page.getByRole("button", { name: "其余全部正常" }).click();
  await expect(page.getByLabel("问题说明")).toHaveValue("前挡风玻璃裂纹");
  await next(page);

  // Damage: nothing to mark on this car (see damage.spec.ts for marks).
  await expect(page.getByRole("heading", { level: 1, name: "损伤标记" })).toBeVisible();
  await next(page);

  // 5. Valuables (a page of its own, loaded by Next): one left in the car, the rest taken in
  // one tap; the customer acknowledges.
  await expect(page.getByRole("heading", { level: 1, name: "贵重物品" })).toBeVisible();
  const rows = page.getByRole("group");
  await expect(rows).toHaveCount(14);
  await rows.first().getByRole("radio", { name: "留在车内" }).check();
  await page.getByLabel("留在车内的物品说明").fill("一条烟，放在后备箱");
  await page.getByLabel("留在车内的物品说明").press("Tab");
  await saved(page);
  await page.getByRole("button", { name: "其余都已带走／车内没有" }).click();
  await expect(rows.nth(13).getByRole("radio", { name: "客户已带走／车内没有" })).toBeChecked();
  await expect(page.getByLabel("留在车内的物品说明")).toHaveValue("一条烟，放在后备箱");
  await page.getByRole("button", { name: "客户已确认贵重物品提醒" }).click();
  await expect(page.getByText(/客户已于 .* 确认/)).toBeVisible();
  await next(page);

  // 6. Concerns in the customer's words.
  await page.getByLabel("客户原话").fill("冷车启动时有异响");
  await page.getByLabel("什么情况下出现").fill("早上第一次启动");
  await page.getByRole("button", { name: "记录这条描述" }).click();
  await expect(page.getByText("“冷车启动时有异响”")).toBeVisible();
  await next(page);

  // 7. Review: nothing is missing, and the summary shows what the customer signs for.
  await expect(page.getByText("检查已完成，可以请客户签字。")).toBeVisible();
  await expect(page.getByText("玻璃：前挡风玻璃裂纹")).toBeVisible();
  await expect(page.getByText("烟酒糖茶 一条烟，放在后备箱")).toBeVisible();
  await expect(page.getByText("“冷车启动时有异响” 早上第一次启动")).toBeVisible();
  await page.reload();
  await expect(page.getByText("检查已完成，可以请客户签字。")).toBeVisible();
});

test("a blocked gate lists what is missing, and an override needs a reason that is recorded", async ({ page }) => {
  await openApp(page);
  await createJob(page, "沪AD12345");
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/review`);
  const gate = page.getByRole("region", { name: "签字前还需完成：" });
  await expect(gate.getByRole("link", { name: "铺设座椅套" })).toBeVisible();
  await expect(gate.getByRole("link", { name: "检查“玻璃”" })).toBeVisible();
  await expect(gate.getByRole("link", { name: "客户确认贵重物品提醒" })).toBeVisible();
  await expect(gate.getByRole("listitem")).toHaveCount(4 + 15 + 1);

  await gate.getByRole("button", { name: "记录原因并允许签字" }).click();
  await expect(gate.getByRole("alert")).toHaveText("请填写原因。");
  await page.getByLabel("跳过原因（会记录在接车单上）").fill("客户赶时间，已口头确认");
  await page.getByRole("button", { name: "记录原因并允许签字" }).click();
  await expect(page.getByText("已记录跳过原因：客户赶时间，已口头确认")).toBeVisible();

  await gate.getByRole("link").first().waitFor({ state: "detached" });
  await page.goto(`/jobs/${id}`);
  await expect(page.getByRole("listitem").filter({ hasText: "跳过检查要求" })).toBeVisible();
});
