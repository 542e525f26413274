import { join } from "node:path";
import { packageRoot } from "../shared/package-files.js";

// What the command line needs before it starts the server, kept apart so `--help` and option
// parsing do not load the server, the report and the workbook.
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 4173;
/** Where `npm run build:web` puts the page. */
export const defaultWebRoot = join(packageRoot, "dist", "web");

const loopbackHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function isLoopback(host: string): boolean {
  return loopbackHosts.has(host.toLowerCase()) || /^127\./.test(host);
}
