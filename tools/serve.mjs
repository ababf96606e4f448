// Serves the built app (dist/) on 127.0.0.1 with the single-page-app fallback: a path that is
// not a file gets its page (`pageFor` in tools/files.mjs), as the reference server does, so
// deep links load the app. The service
// worker and the manifest are never cached by HTTP, so updates are seen at once.
//
//   node tools/serve.mjs [--port 8080] [--dir dist]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { pageFor } from "./files.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(option("port", process.env.PORT || "8080"));
const root = resolve(option("dir", "dist"));

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

async function resolveFile(urlPath) {
  const safe = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(root, safe);
  if (candidate.startsWith(root)) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return join(root, pageFor(urlPath));
}

const server = createServer(async (req, res) => {
  try {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    const file = await resolveFile(path);
    const body = await readFile(file);
    const ext = extname(file);
    const fresh = ext === ".html" || file.endsWith("sw.js") || ext === ".webmanifest";
    res.writeHead(200, {
      "content-type": types[ext] || "application/octet-stream",
      "cache-control": fresh ? "no-cache" : "public, max-age=31536000, immutable",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end("server error");
  }
});

server.listen(port, "127.0.0.1", () => {
  console.log(`LaneCheck at http://127.0.0.1:${port}/ (serving ${root})`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
