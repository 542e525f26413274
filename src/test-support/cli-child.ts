// The command line in a process of its own, from the sources (run with `node --import tsx`): for
// tests that need another user or a real exit, e.g. a store in a folder only root could write.
import { runCli } from "../cli/program.js";

process.exitCode = await runCli(process.argv.slice(2));
