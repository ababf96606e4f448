import { defineConfig } from "@playwright/test";

// Debian's Chromium: browser downloads are not possible here. The flags keep it from calling
// out to the network at start-up, and give it a fake camera that needs no permission prompt.
const chromium = {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
  ],
};

export const PORT = 8090;
/** The reference sync server (built by the test command), serving the same build. */
export const SYNC_PORT = 8091;
export const SYNC_DATA = "/tmp/lanecheck-e2e-sync";

export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromium,
    serviceWorkers: "allow",
    trace: "off",
  },
  projects: [
    {
      name: "phone",
      use: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    },
    {
      name: "tablet",
      use: { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    },
  ],
  webServer: [
    {
      command: `node ../tools/serve.mjs --port ${PORT} --dir ../dist`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // A fresh server with an advisor and a manager of one store, their tokens left in files
      // for the tests, and the sample catalogue.
      command:
        `rm -rf ${SYNC_DATA} && mkdir -p ${SYNC_DATA}` +
        ` && ../target/debug/lanecheck-server add-advisor --data ${SYNC_DATA} --store 一店 --name 王顾问 > ${SYNC_DATA}/token` +
        ` && ../target/debug/lanecheck-server add-advisor --data ${SYNC_DATA} --store 一店 --name 李经理 --role manager > ${SYNC_DATA}/manager-token` +
        ` && ../target/debug/lanecheck-server import-catalog ../crates/server/sample-catalogue.csv --store 一店 --data ${SYNC_DATA} > /dev/null` +
        ` && exec ../target/debug/lanecheck-server --addr 127.0.0.1:${SYNC_PORT} --data ${SYNC_DATA} --dist ../dist --origin http://127.0.0.1:${SYNC_PORT}`,
      url: `http://127.0.0.1:${SYNC_PORT}/manager`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
