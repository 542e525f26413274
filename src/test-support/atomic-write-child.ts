// writeFileAtomic in a process of its own (run with `node --import tsx`), which sends itself a signal
// in the middle of the write, after its Nth rename: a test checks what the folder is left with.
import { renameSync } from "node:fs";
import { writeFileAtomic } from "../shared/atomic-write.js";

const [path, signal, afterRename] = process.argv.slice(2) as [string, NodeJS.Signals, string];
let renames = 0;
writeFileAtomic(path, "new content\n", {
  force: true,
  io: {
    rename(from, to) {
      renameSync(from, to);
      if (++renames === Number(afterRename)) process.kill(process.pid, signal);
    },
  },
});
process.stdout.write("written\n");
