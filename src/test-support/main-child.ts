// The command line's executable (`main`, as bin/mlops-roi.js runs it, flushing its output before it
// exits) in a process of its own, from the sources (run with `node --import tsx`): for tests of what
// it does when standard output is a file, a full device or a closed pipe.
import { main } from "../cli/main.js";

const code = await main(process.argv.slice(2));
const written = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
await Promise.all([written(process.stdout), written(process.stderr)]);
process.exit(code);
