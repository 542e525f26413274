import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp, type AppOptions } from "./app.js";
import { DEFAULT_HOST, DEFAULT_PORT, defaultWebRoot, isLoopback } from "./defaults.js";
import { caseExporters } from "./exporters.js";

export interface StartOptions {
  casePath?: string;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  webRoot?: string;
  exporters?: AppOptions["exporters"];
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts the web app's server and resolves once it listens. On the loopback address it answers
 * only to local host names; on another host it answers anyone who can reach it.
 * @example const server = await startServer({ casePath: "examples/seed.yaml", port: 0 }); console.log(server.url)
 */
export function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const app = createApp({
    ...(options.casePath !== undefined ? { casePath: options.casePath } : {}),
    webRoot: options.webRoot ?? defaultWebRoot,
    ...(isLoopback(host) ? { allowedHostNames: ["127.0.0.1", "localhost", "[::1]", host] } : {}),
    exporters: options.exporters ?? caseExporters(),
  });
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }, (info: AddressInfo) => {
      server.off("error", reject);
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolvePromise({
        url: `http://${shownHost}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
