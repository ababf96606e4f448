import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The network between the app and the sync server, under the test's control: a proxy on
 * 127.0.0.1 in front of the server that can be cut (every request fails as with no network)
 * and that holds chosen requests unanswered, as a connection that hangs. It counts what goes
 * through, and can answer chosen requests itself (a busy or refusing server). Playwright's offline switch reaches the page, but not reliably a worker the page
 * started, so the sync worker's network is cut here.
 */
export class Network {
  up = true;
  /** Requests (method and path) that are held and never answered. */
  hold: ((method: string, path: string) => boolean) | null = null;
  /** Requests answered here instead of by the server: status, headers and body. */
  answer: ((method: string, path: string) => { status: number; headers?: Record<string, string>; body: string } | null) | null = null;
  /** Every request that reached the server, as "METHOD /path". */
  seen: string[] = [];
  private held: ServerResponse[] = [];
  private constructor(private server: Server, readonly port: number) {}

  static async start(target: number): Promise<Network> {
    let network: Network;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? "/";
      if (!network.up) return req.socket.destroy();
      if (network.hold?.(req.method ?? "", path)) {
        network.held.push(res);
        return;
      }
      network.seen.push(`${req.method} ${path}`);
      const own = network.answer?.(req.method ?? "", path);
      if (own) {
        req.resume();
        const cors = { "access-control-allow-origin": req.headers.origin ?? "*", "access-control-expose-headers": "retry-after" };
        res.writeHead(own.status, { "content-type": "application/json", ...cors, ...own.headers });
        res.end(own.body);
        return;
      }
      const upstream = request({ host: "127.0.0.1", port: target, method: req.method, path, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => req.socket.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    network = new Network(server, (server.address() as AddressInfo).port);
    return network;
  }

  /** Drops the held requests' connections, as a closed tab does. */
  release() {
    for (const res of this.held.splice(0)) res.socket?.destroy();
  }

  async stop() {
    this.release();
    this.server.closeAllConnections();
    await new Promise((ok) => this.server.close(ok));
  }
}
