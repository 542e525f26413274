import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_HOST, DEFAULT_PORT, defaultWebRoot, isLoopback } from "../../server/defaults.js";
import type { RunningServer } from "../../server/start-server.js";
import { StoppedBySignal } from "../../shared/user-error.js";
import { UserError, type CliOutput } from "../io.js";

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError("expected a port number between 0 and 65535 (0 picks a free one)");
  return port;
}

function checkCaseFile(file: string): void {
  if (!existsSync(file)) throw new UserError(`${file}: no such file (run \`mlops-roi init -o ${file}\` to create one)`);
  if (statSync(file).isDirectory()) throw new UserError(`${file} is a folder; expected a scenario file (.yaml, .yml or .json)`);
  if (!/\.(ya?ml|json)$/i.test(file))
    throw new UserError(`${file}: serve saves the case back in the format its name says; expected a scenario file ending in .yaml, .yml or .json`);
}

/** Opens the page in the user's browser; never in CI, and a failure only prints the address to open by hand. */
function openBrowser(url: string, output: CliOutput): void {
  if (process.env.CI) {
    output.stderr(`not opening a browser in CI; the app is at ${url}\n`);
    return;
  }
  const [command, args] =
    process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  const child = spawn(command, args, { stdio: "ignore", detached: true });
  child.on("error", () => output.stderr(`could not open a browser (${command}); open ${url} yourself\n`));
  child.unref();
}

/** Resolves when the user stops the server with Ctrl+C (or the process is asked to stop). */
function stopRequested(): Promise<"SIGINT" | "SIGTERM"> {
  return new Promise((resolve) => {
    const stop = (signal: "SIGINT" | "SIGTERM") => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export function registerServe(program: Command, output: CliOutput): void {
  program
    .command("serve")
    .description("Open the case in the web app: edit it in the browser and watch the results change as you type.")
    .argument(
      "[file]",
      "scenario file to edit and save, ending in .yaml, .yml or .json (saved back in that format); without one, start from a template and download",
    )
    .option("-p, --port <number>", "port to listen on (0 picks a free one)", parsePort, DEFAULT_PORT)
    .option("--host <address>", "address to listen on; another than 127.0.0.1 lets other machines read and change the file", DEFAULT_HOST)
    .option("--open", "open the app in the default browser")
    .addHelpText(
      "after",
      `
The server only reads and writes the given file and other scenario files in its folder; a save
keeps the previous version as FILE.bak.

Examples:
  $ mlops-roi serve examples/seed.yaml
  $ mlops-roi serve case.yaml --port 8080 --open
  $ mlops-roi serve case.yaml --host 0.0.0.0     # reachable from other machines: take care`,
    )
    .action(async (file: string | undefined, options: { port: number; host: string; open?: boolean }) => {
      if (file !== undefined) checkCaseFile(file);
      if (!existsSync(join(defaultWebRoot, "index.html"))) {
        output.stderr(`warning: the web app is not built (${defaultWebRoot} is missing); run \`npm run build:web\` or \`npm start\`\n`);
      }
      if (!isLoopback(options.host)) {
        output.stderr(`warning: listening on ${options.host}: anyone who can reach this machine can read and change ${file ?? "the cases you open"}\n`);
      }
      let server: RunningServer;
      try {
        // Loaded here, not at start: the server brings the report and the workbook with it.
        const { startServer } = await import("../../server/start-server.js");
        server = await startServer({ ...(file !== undefined ? { casePath: file } : {}), host: options.host, port: options.port });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE") throw new UserError(`port ${options.port} on ${options.host} is already in use; choose another with --port`);
        if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UserError(`--host ${options.host}: this machine has no such address`);
        if (code === "EACCES") throw new UserError(`port ${options.port} needs administrator rights; choose one above 1023 with --port`);
        throw error;
      }
      // Listening for Ctrl+C before saying so: a signal right after the line is never missed.
      const stopped = stopRequested();
      output.stdout(
        `mlops-roi: ${file ? `editing ${file}` : "no file given: start from a template, download to keep"} at ${server.url}\npress Ctrl+C to stop\n`,
      );
      if (options.open) openBrowser(server.url, output);
      const signal = await stopped;
      await server.close();
      // Stopped by the user, as a shell expects: 130 after Ctrl+C (143 after SIGTERM), not success.
      throw new StoppedBySignal("stopped", signal);
    });
}
