import { expect, test, type Locator } from "@playwright/test";
import { createJob, openApp, tapDiagram } from "./helpers";

// A saved change renders only the parts of a step that show it: the step itself, the field
// being typed in and what the advisor selected stay the same elements.

/** Tags the element, so that the same element can be recognised after a change. */
const tag = (target: Locator) => target.evaluate((el) => ((el as any).kept = true));
const tagged = (target: Locator) => target.evaluate((el) => (el as any).kept === true);

test("a saved change leaves the step, the fields and the selection as they are", async ({ page, context }, info) => {
  await openApp(page);
  await createJob(page, info.project.name === "phone" ? "京F10001" : "京F10002");
  const id = page.url().split("/jobs/")[1];
  await context.setOffline(true);
  const saved = page.getByRole("status").filter({ hasText: "已保存" });

  // Customer: the form saves itself once valid; the fields stay the ones typed in.
  await page.goto(`/jobs/${id}/check-in/customer`);
  const heading = page.getByRole("heading", { level: 1, name: "客户与车辆" });
  const name = page.getByLabel("车主姓名");
  await tag(heading);
  await name.fill("张伟");
  await tag(name);
  await page.getByLabel("车主手机").fill("13812345678");
  await page.getByLabel("车主手机").press("Tab");
  await expect(saved).toBeVisible();
  expect(await tagged(heading), "the step is not rendered anew").toBe(true);
  expect(await tagged(name), "the name field is the same").toBe(true);
  await expect(name).toHaveValue("张伟");

  // Damage: the selected mark's editor stays open, with its note field, through saves.
  await page.goto(`/jobs/${id}/check-in/damage`);
  await tapDiagram(page, 0.3, 0.5);
  const editor = page.getByRole("heading", { name: "损伤 1" });
  await expect(editor).toBeVisible();
  await tag(editor);
  const note = page.getByLabel("说明");
  await tag(note);
  await note.fill("前门凹陷");
  await page.getByLabel("已当面向客户指出").check();
  await expect(page.getByRole("button", { name: /^损伤 1 .* ✓$/ })).toBeVisible();
  expect(await tagged(editor), "the editor is the same").toBe(true);
  expect(await tagged(note), "the note field is the same").toBe(true);
  await expect(note).toHaveValue("前门凹陷");
  // A second mark selects itself; the first keeps what was saved.
  await tapDiagram(page, 0.7, 0.5);
  await expect(page.getByRole("heading", { name: "损伤 2" })).toBeVisible();
  await page.getByRole("button", { name: /^损伤 1/ }).click();
  await expect(page.getByLabel("说明")).toHaveValue("前门凹陷");
  await expect(page.getByLabel("已当面向客户指出")).toBeChecked();

  // Checklist: answering one item leaves another item's note field as it is.
  await page.goto(`/jobs/${id}/check-in/checklist`);
  const rows = page.getByRole("group").filter({ has: page.getByRole("radio", { name: "有问题" }) });
  await rows.nth(0).getByRole("radio", { name: "有问题" }).check();
  const issueNote = rows.nth(0).getByLabel("问题说明");
  await issueNote.fill("漆面划痕");
  await tag(issueNote);
  await rows.nth(1).getByRole("radio", { name: "正常" }).check();
  await expect(rows.nth(1).getByRole("radio", { name: "正常" })).toBeChecked();
  expect(await tagged(issueNote), "the first item's note field is the same").toBe(true);
  await expect(issueNote).toHaveValue("漆面划痕");
});
