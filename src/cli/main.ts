import { runCli } from "./program.js";

/** Entry point of the `mlops-roi` executable. */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 0) argv = ["--help"];
  return runCli(argv);
}
