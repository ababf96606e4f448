import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { SYNC_DATA, SYNC_PORT } from "../playwright.config";
import { createJob, openApp } from "./helpers";

// The app and the manager's page as the reference server serves them (the README's run
// command): every answer carries the security headers, and no page breaks its policy.
const BASE = `http://127.0.0.1:${SYNC_PORT}`;
test.use({ baseURL: BASE });

/** Collects every Content-Security-Policy violation of the page (and its workers' console). */
async function watchViolations(page: Page) {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as any).__violations = [...((window as any).__violations ?? []), `${e.violatedDirective} ${e.blockedURI}`];
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return async () => [...seen, ...((await page.evaluate(() => (window as any).__violations ?? [])) as string[])];
}

test("every page is served with a strict policy and none breaks it", async ({ page, request }, info) => {
  const answer = await request.get("/");
  const policy = answer.headers()["content-security-policy"];
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("'unsafe-inline'");
  expect(policy).not.toContain("'unsafe-eval' ");
  expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers()["referrer-policy"]).toBe("no-referrer");
  // Pages and scripts (a worker's policy is its script's) carry the policy; every answer,
  // the API's JSON too, carries nosniff and no referrer.
  for (const path of ["/sync-worker.js", "/sw.js", "/manager", "/sync/v1/whoami"]) {
    const headers = (await request.get(path)).headers();
    if (!path.startsWith("/sync/v1")) expect(headers["content-security-policy"], path).toBe(policy);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
  }

  const violations = await watchViolations(page);
  await openApp(page);
  const plate = info.project.name === "phone" ? "京CSP001" : "京CSP002";
  await createJob(page, plate);
  const id = page.url().split("/jobs/")[1];
  for (const step of ["arrival", "customer", "damage", "review"]) {
    await page.goto(`/jobs/${id}/check-in/${step}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/sync");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The manager's page, signed in.
  await page.goto("/manager");
  await page.getByLabel("令牌 Token").fill(readFileSync(`${SYNC_DATA}/manager-token`, "utf8").trim());
  await page.getByRole("button", { name: "进入 Open" }).click();
  await expect(page.getByRole("button", { name: "退出 Sign out" })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("the app cannot be framed by another page", async ({ page }) => {
  const refused = page.waitForEvent("console", (m) => /frame-ancestors 'none'/.test(m.text()));
  await page.setContent(`<iframe src="${BASE}/" title="framed"></iframe>`);
  await refused;
  expect((await page.request.get(`${BASE}/`)).headers()["x-frame-options"]).toBe("DENY");
});
