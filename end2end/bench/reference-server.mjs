// The reference server as the README runs it (release build of the app from `dist`, a fresh
// data directory), on 127.0.0.1 for a benchmark: started, waited for, stopped.
// Needs `cargo build --profile server -p lanecheck-server`.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const binary = resolve(dirname(fileURLToPath(import.meta.url)), "../../target/server/lanecheck-server");

/** `stores`: names of stores that get an advisor's token each, before the server starts. */
export function referenceServer({ dist, port, stores = [] }) {
  const data = mkdtempSync(join(tmpdir(), "lanecheck-bench-"));
  const tokens = stores.map((store) =>
    spawnSync(binary, ["add-advisor", "--data", data, "--store", store, "--name", "王顾问"], { encoding: "utf8" }).stdout.trim(),
  );
  const app = spawn(binary, ["--addr", `127.0.0.1:${port}`, "--data", data, "--dist", dist], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    tokens,
    async ready() {
      for (let i = 0; i < 200; i++) {
        if (await fetch(`${base}/manager`).then((r) => r.ok, () => false)) return;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      throw new Error("the server did not start");
    },
    stop() {
      app.kill();
      rmSync(data, { recursive: true, force: true });
    },
  };
}
