import { readFileSync } from "node:fs";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { SYNC_DATA, SYNC_PORT } from "../playwright.config";
import { createJob, drawSignature, openApp, storedJob } from "./helpers";

// The repair order, as the reference server serves the app (the README's run command): the
// store's catalogue comes with the first sync, then everything happens offline.
const BASE = `http://127.0.0.1:${SYNC_PORT}`;
test.use({ baseURL: BASE });
const token = () => readFileSync(`${SYNC_DATA}/token`, "utf8").trim();

/** A plate of its own for each test and viewport: all share the server's store. */
function plateFor(info: TestInfo, n: number) {
  const project = info.project.name === "phone" ? 1 : 2;
  return `京R${project}${String(n + 10 * info.repeatEachIndex).padStart(4, "0")}`;
}

/** A value of the device's settings store, as the app keeps it in IndexedDB. */
async function meta(page: Page, key: string) {
  return page.evaluate(
    (key) =>
      new Promise<string | undefined>((ok, fail) => {
        const open = indexedDB.open("lanecheck");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("meta").objectStore("meta").get(key);
          get.onsuccess = () => {
            open.result.close();
            ok(get.result?.value ?? get.result);
          };
        };
      }),
    key,
  );
}

/** Sets up sync with the reference server and waits until its catalogue is on the device. */
async function withCatalogue(page: Page) {
  await openApp(page);
  await page.goto("/sync");
  for (const [label, value] of [
    ["同步地址", `${BASE}/sync/v1`],
    ["令牌", token()],
    ["设备名称", "委托书测试"],
  ]) {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).blur();
  }
  await expect.poll(() => meta(page, "catalogue"), { timeout: 30_000 }).toContain("L-BRK-F");
}

/** A job with two concerns, its check-in signed (the gate overridden), on its job page. */
async function checkedIn(page: Page, plate: string, visit: "直接入厂" | "预约") {
  await page.goto("/");
  await createJob(page, plate, visit);
  const id = page.url().split("/jobs/")[1];
  if (visit === "预约") {
    await page.goto(`/jobs/${id}/check-in/arrival`);
    await page.getByRole("button", { name: "车辆已到店" }).click();
    await expect(page.getByRole("button", { name: "已接待客户" })).toBeVisible();
  }
  await page.goto(`/jobs/${id}/check-in/concerns`);
  for (const words of ["刹车时有异响", "空调不凉"]) {
    await page.getByLabel("客户原话").fill(words);
    await page.getByRole("button", { name: "记录这条描述" }).click();
    await expect(page.getByText(`“${words}”`)).toBeVisible();
  }
  await page.goto(`/jobs/${id}/check-in/review`);
  await page.getByLabel("跳过原因（会记录在接车单上）").fill("委托书测试");
  await page.getByRole("button", { name: "记录原因并允许签字" }).click();
  await drawSignature(page);
  await page.getByLabel("签字人姓名").fill("李先生");
  await page.getByRole("button", { name: "确认签字并封存" }).click();
  await expect(page.getByRole("region", { name: "已签字封存" })).toBeVisible();
  await page.goto(`/jobs/${id}`);
  return id;
}

/** Adds the first catalogue entry named `name` that a search for `term` finds. */
async function addFromCatalogue(page: Page, field: string, term: string, name: string) {
  await page.getByLabel(field).fill(term);
  await page.getByRole("button", { name: `加入 ${name}`, exact: true }).first().click();
}

/** A full-page screenshot for looking at, after checking nothing is wider than the screen. */
async function shot(page: Page, info: TestInfo, name: string) {
  const wide = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth));
  expect(wide, `${name} is wider than the screen`).toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.screenshot({ path: `screenshots/${info.project.name}-order-${name}.png`, fullPage: true });
}

/** The order as stored on the device, once `ready` says it holds what was just done: a test
 * leaves a page for another page only after its changes are stored, as an advisor's next tap
 * comes after the screen said "saved". */
async function storedOrder(page: Page, id: string, ready: (order: any) => boolean) {
  await expect.poll(async () => ready((await storedJob(page, id)).order ?? {})).toBe(true);
}

function line(page: Page, name: string) {
  return page.locator("li.line").filter({ has: page.getByText(name, { exact: true }) });
}

test("a signed check-in becomes a signed repair order with add-ons, offline, and the declined line comes back", async ({ page, context }, info) => {
  test.setTimeout(240_000);
  await withCatalogue(page);
  await context.setOffline(true);
  const plate = plateFor(info, 1);
  const id = await checkedIn(page, plate, "预约");

  // From the job page into the order.
  await page.getByRole("link", { name: "填写维修委托书" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "故障确认" })).toBeVisible();

  // Diagnosis: the brake noise diagnosed now; the air conditioning escalated.
  const brake = page.getByRole("region", { name: "刹车时有异响" });
  await brake.getByRole("radio", { name: "已确诊" }).check();
  await brake.getByLabel("诊断结果").fill("前刹车片磨损到限");
  await brake.getByLabel("诊断结果").blur();
  await brake.getByRole("radio", { name: "不在保修范围内" }).check();
  const air = page.getByRole("region", { name: "空调不凉" });
  await air.getByRole("radio", { name: "需全面检查后确定" }).check();
  await air.getByLabel("向客户说明的理由").fill("压缩机疑似故障，需厂家确认");
  await air.getByRole("radio", { name: "上报厂家待批准" }).check();
  await expect(air.getByText("等待厂家答复")).toBeVisible();
  await storedOrder(page, id, (o) => o.order.diagnoses.length === 2);
  await shot(page, info, "1-diagnosis");

  // The estimate: 3 labour and 4 parts lines found by search.
  await page.getByRole("link", { name: "下一步" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "估价" })).toBeVisible();
  await expect(page.getByText(/目录及库存截至/)).toBeVisible();
  const search = "搜索工时或配件（代码或名称）";
  await addFromCatalogue(page, search, "前刹车", "更换前刹车片");
  await addFromCatalogue(page, search, "前刹车", "前刹车片");
  await addFromCatalogue(page, search, "机油", "更换机油及机油滤清器");
  await addFromCatalogue(page, search, "机油", "机油 0W-20");
  await addFromCatalogue(page, search, "机油", "机油滤清器");
  await addFromCatalogue(page, search, "94109", "放油螺栓垫片");
  await page.getByLabel("对应").selectOption({ label: "空调不凉" });
  await addFromCatalogue(page, search, "L-DIAG", "故障诊断");
  await expect(page.locator("li.line")).toHaveCount(7);
  // The diagnosis is the manufacturer's warranty: nothing to the customer.
  await line(page, "故障诊断").getByRole("checkbox", { name: "保修（客户不付费）" }).check();
  // A quantity typed and not yet saved survives a reload as a draft, then is saved.
  const gasket = line(page, "放油螺栓垫片").getByLabel("数量");
  await gasket.fill("2");
  await page.reload();
  await expect(line(page, "放油螺栓垫片").getByLabel("数量")).toHaveValue("2");
  // It is saved when the advisor confirms it: into the field, Enter.
  await line(page, "放油螺栓垫片").getByLabel("数量").click();
  await page.keyboard.press("Enter");
  await expect(line(page, "放油螺栓垫片").getByText("¥10.00")).toBeVisible();
  // Bad input: a clear message next to the field, and nothing lost.
  const rate = line(page, "更换机油及机油滤清器").getByLabel("工时单价（元/小时）");
  await rate.fill("18o");
  await rate.blur();
  const bad = line(page, "更换机油及机油滤清器").getByRole("alert").filter({ hasText: "请输入数字，最多两位小数，如 45.5。" });
  await expect(bad).toBeVisible();
  await expect(rate).toHaveValue("18o");
  await rate.fill("180");
  await rate.blur();
  await expect(bad).toHaveCount(0);
  await storedOrder(page, id, (o) => o.order.lines.length === 7 && o.order.lines.some((l: any) => l.warranty));

  // Totals: labour 216 + 90 (the 180 of the diagnosis is warranty), parts 680 + 368 + 58 +
  // 10, the appointment's 10 % off the charged labour, and the total in capital numerals.
  const totals = page.locator("table.totals");
  await expect(totals.getByRole("row", { name: /工时费/ })).toContainText("¥306.00");
  await expect(totals.getByRole("row", { name: /材料费/ })).toContainText("¥1116.00");
  await expect(totals.getByRole("row", { name: /预约工时折扣 10%/ })).toContainText("-¥30.60");
  await expect(totals.getByRole("row", { name: /保修项目/ })).toContainText("¥180.00");
  await expect(totals.getByRole("row", { name: "合计 ¥1391.40" })).toBeVisible();
  await expect(totals.getByText("壹仟叁佰玖拾壹元肆角")).toBeVisible();
  await shot(page, info, "2-estimate");

  // The details, then the signature.
  await page.getByRole("link", { name: "下一步" }).click();
  await page.getByRole("radio", { name: /一级维护、小修或专项修理/ }).check();
  await page.getByRole("radio", { name: "已确认并由客户带走" }).check();
  await page.getByRole("radio", { name: "是", exact: true }).check();
  await page.getByRole("button", { name: "采用建议时间" }).click();
  await expect(page.getByLabel("预计交车时间")).not.toHaveValue("");
  await storedOrder(page, id, (o) => o.order.promised_at !== null && o.order.car_wash === true && o.order.old_parts === "TakenBack" && o.order.repair_class === "Minor");
  await shot(page, info, "3-details");
  await page.getByRole("link", { name: "下一步" }).click();
  await expect(page.getByText("委托书已完整，可以请客户签字。")).toBeVisible();
  // The customer reads the order before signing.
  const paper = page.getByRole("article");
  await expect(paper.getByText("前刹车片磨损到限")).toBeVisible();
  await expect(paper.getByText(/上报厂家待批准/)).toBeVisible();
  await shot(page, info, "4-sign");
  await drawSignature(page);
  await page.getByLabel("签字人姓名").fill("李先生");
  await page.getByRole("button", { name: "确认签字并封存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "委托书已签字" })).toBeVisible();
  // The signed order's copy: the seal, the signature and the QR code.
  await page.getByRole("link", { name: "委托书（打印）" }).last().click();
  const copy = page.getByRole("article");
  await expect(copy.getByRole("heading", { name: "委托书已签字" })).toBeVisible();
  await expect(copy.getByText("封存校验：内容未被改动")).toBeVisible();
  await expect(copy.getByRole("img", { name: "客户签字" })).toBeVisible();
  const stored = await storedJob(page, id);
  expect(stored.state).toBe("OrderSigned");
  expect(stored.order.signed.total).toBe(139140);
  await expect(copy.locator(".seal code")).toHaveText(stored.order.signed.seal);
  await expect(copy.getByText("前刹车片磨损到限")).toBeVisible();
  await shot(page, info, "5-copy");

  // Printed as PDF, on A4 and on an 80 mm slip.
  const a4 = pageSize(await page.pdf({ preferCSSPageSize: true }));
  expect(a4?.width).toBeCloseTo(595.3, 0);
  await page.getByRole("radio", { name: "80 mm 小票" }).check();
  const slip = pageSize(await page.pdf({ preferCSSPageSize: true }));
  expect(slip?.width).toBeCloseTo((80 / 25.4) * 72, 0);

  // The manufacturer answers the escalation after the signature.
  await page.goto(`/jobs/${id}/order/diagnosis`);
  await page.getByLabel("厂家答复编号").fill("FW-2026-0042");
  await page.getByRole("button", { name: "记录：厂家批准" }).click();
  await expect(page.getByText("厂家已批准（FW-2026-0042）")).toBeVisible();

  // Add-ons during the repair: two lines, one approved and one declined, signed again.
  await page.goto(`/jobs/${id}/order/copy`);
  await page.getByRole("button", { name: "开始维修" }).click();
  await page.getByRole("link", { name: "增项", exact: true }).last().click();
  const addOnSearch = "搜索工时或配件（代码或名称）";
  await page.getByLabel("增项原因（向客户说明）").fill("后刹车片磨损到限");
  await addFromCatalogue(page, addOnSearch, "后刹车", "更换后刹车片");
  await page.getByLabel("增项原因（向客户说明）").fill("雨刮片老化");
  await addFromCatalogue(page, addOnSearch, "雨刮", "雨刮片（主驾）");
  await expect(page.locator("li.line")).toHaveCount(2);
  await shot(page, info, "6-add-ons");
  await page.getByRole("button", { name: "请客户确认增项" }).click();
  await page.getByRole("group", { name: "更换后刹车片" }).getByRole("radio", { name: "同意" }).check();
  await page.getByRole("group", { name: "雨刮片（主驾）" }).getByRole("radio", { name: "暂不维修" }).check();
  // 1391.40 + 216 − 21.60 is 1585.80, more than 10 % over the signed estimate.
  await expect(page.getByText("增项后总价：¥1585.80")).toBeVisible();
  await page.getByRole("checkbox", { name: /客户同意新总价 ¥1585.80/ }).check();
  await shot(page, info, "7-approval");
  await drawSignature(page);
  await page.getByLabel("签字人姓名").fill("李先生");
  await page.getByRole("button", { name: "确认签字并封存" }).click();
  await expect.poll(async () => (await storedJob(page, id)).state).toBe("InRepair");
  const after = await storedJob(page, id);
  expect(after.order.add_ons[0].signed.total).toBe(158580);
  await page.getByRole("link", { name: "增项", exact: true }).last().click();
  const answered = page.getByRole("region", { name: "已确认的增项" });
  await expect(answered.locator("li.line").filter({ hasText: "更换后刹车片" }).getByText("客户同意")).toBeVisible();
  await expect(answered.locator("li.line").filter({ hasText: "雨刮片（主驾）" }).getByText("客户暂不维修")).toBeVisible();

  // The same car's next visit is offered the declined line, with its reason.
  await checkedIn(page, plate, "直接入厂");
  await page.getByRole("link", { name: "填写维修委托书" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "故障确认" })).toBeVisible();
  await page.getByRole("link", { name: "估价", exact: true }).click();
  const offers = page.getByRole("group", { name: "建议维修项目" });
  await expect(offers.getByText("雨刮片（主驾）")).toBeVisible();
  await expect(offers.getByText("雨刮片老化")).toBeVisible();
  await offers.getByRole("button", { name: "接受 雨刮片（主驾）" }).click();
  await expect(line(page, "雨刮片（主驾）")).toBeVisible();
});

test("an incomplete order lists what is missing and is signed only with a reason, as a violation", async ({ page, context }, info) => {
  test.setTimeout(120_000);
  await withCatalogue(page);
  await context.setOffline(true);
  const id = await checkedIn(page, plateFor(info, 2), "直接入厂");
  // Begun when first opened, from the job page.
  await page.getByRole("link", { name: "填写维修委托书" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "故障确认" })).toBeVisible();
  await page.getByRole("link", { name: "签字", exact: true }).click();
  const missing = page.getByRole("region", { name: "签字前还缺：" });
  for (const gap of ["问题“刹车时有异响”：没有项目或诊断", "问题“空调不凉”：没有项目或诊断", "维修类别", "旧件去向", "是否洗车", "预计交车时间"]) {
    await expect(missing.getByRole("link", { name: gap })).toBeVisible();
  }
  await shot(page, info, "8-missing");
  // No signature pad while something is missing.
  await expect(page.getByRole("img", { name: "请客户在此签字" })).toHaveCount(0);
  // A gap's link leads to its place.
  await missing.getByRole("link", { name: "维修类别" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "委托事项" })).toBeVisible();
  await page.getByRole("radio", { name: /二级维护/ }).check();
  await storedOrder(page, id, (o) => o.order.repair_class === "SecondLevel");
  await page.goto(`/jobs/${id}/order/sign`);
  await expect(missing.getByRole("link", { name: "维修类别" })).toHaveCount(0);
  // The override needs a reason, kept as a draft through a reload.
  await page.getByRole("button", { name: "记为违规并签字" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请填写原因。" })).toBeVisible();
  await page.getByLabel("跳过原因（会记录在接车单上）").fill("客户急需用车，先签后补");
  await page.reload();
  await expect(page.getByLabel("跳过原因（会记录在接车单上）")).toHaveValue("客户急需用车，先签后补");
  await page.getByRole("button", { name: "记为违规并签字" }).click();
  await expect(page.getByText("委托书不完整，已记为违规，罚款 ¥5.00。理由：客户急需用车，先签后补")).toBeVisible();
  await drawSignature(page);
  await page.getByLabel("签字人姓名").fill("张女士");
  await page.getByRole("button", { name: "确认签字并封存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "委托书已签字" })).toBeVisible();
  const job = await storedJob(page, id);
  expect(job.order.violation).toMatchObject({ fine: 500, reason: "客户急需用车，先签后补" });
  expect(job.order.violation.gaps.length).toBe(5);
});

function pageSize(pdf: Buffer) {
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
  return box ? { width: Number(box[1]), height: Number(box[2]) } : null;
}
