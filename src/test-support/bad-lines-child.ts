// Reads an export of many bad lines in a process of its own, whose heap the test bounds
// (--max-old-space-size): a reader that kept a message or a row for every line runs out of memory.
import { readFileSync } from "node:fs";
import { parseEventsCsv, parseTimesheetCsv } from "../measure/index.js";

const [kind, file] = process.argv.slice(2);
const text = readFileSync(file!, "utf8");
const parsed = kind === "timesheet" ? parseTimesheetCsv(text) : parseEventsCsv(text);
process.stdout.write(JSON.stringify(parsed.ok ? { ok: true } : { ok: false, problems: parsed.problems }));
