import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../test-support/fixtures.js";
import { readOnlyBackup, readOnlyFile, temporaryPath, writeFileAtomic } from "./atomic-write.js";
import { UserError } from "./user-error.js";

let temp: ReturnType<typeof makeTempFolder>;
let folder: string;
let outside: string;
beforeEach(() => {
  temp = makeTempFolder();
  folder = join(temp.path, "cases");
  outside = join(temp.path, "home");
  mkdirSync(folder);
  mkdirSync(outside);
});
afterEach(() => temp.remove());

const diskFull = (): Error => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe("writeFileAtomic", () => {
  it("writes a new file, creating its folder, with no backup and no temporary file left", () => {
    const target = join(folder, "out", "case.yaml");
    expect(writeFileAtomic(target, "a")).toEqual({});
    expect(readFileSync(target, "utf8")).toBe("a");
    expect(readdirSync(join(folder, "out"))).toEqual(["case.yaml"]);
  });

  it("writes bytes as they are", () => {
    const target = join(folder, "book.xlsx");
    const bytes = new Uint8Array([0, 255, 1, 254, 80, 75]);
    writeFileAtomic(target, bytes);
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
  });

  it("refuses to replace a file without force, and keeps a .bak with force", () => {
    const target = join(folder, "case.yaml");
    writeFileSync(target, "mine");
    expect(() => writeFileAtomic(target, "new")).toThrow(UserError);
    expect(() => writeFileAtomic(target, "new")).toThrow(/already exists; use --force to replace it \(the old file is kept as case\.yaml\.bak\)/);
    expect(readFileSync(target, "utf8")).toBe("mine");
    expect(readdirSync(folder)).toEqual(["case.yaml"]);
    expect(writeFileAtomic(target, "new", { force: true })).toEqual({ backup: `${target}.bak` });
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("mine");
    writeFileAtomic(target, "newer", { force: true });
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("new");
    expect(readdirSync(folder).sort()).toEqual(["case.yaml", "case.yaml.bak"]);
  });

  it("writes nothing and keeps no backup when the bytes are the same, but still refuses without force", () => {
    const target = join(folder, "report.html");
    writeFileSync(target, "same");
    const before = statSync(target);
    expect(() => writeFileAtomic(target, "same")).toThrow(/already exists; use --force/);
    expect(writeFileAtomic(target, "same", { force: true })).toEqual({ unchanged: true });
    expect(readdirSync(folder)).toEqual(["report.html"]);
    expect(statSync(target).mtimeMs).toBe(before.mtimeMs);
    // One byte more is a change: written, the old kept.
    expect(writeFileAtomic(target, "same!", { force: true })).toEqual({ backup: `${target}.bak` });
  });

  it("refuses a folder as the target, even with force", () => {
    mkdirSync(join(folder, "sub"));
    expect(() => writeFileAtomic(join(folder, "sub"), "x", { force: true })).toThrow(/is a folder; give a file name/);
  });

  it("turns a path through a file into a user's error, writing nothing", () => {
    const file = join(folder, "plain");
    writeFileSync(file, "x");
    expect(() => writeFileAtomic(join(file, "case.yaml"), "y")).toThrow(/cannot write .*part of the path is a file, not a folder; nothing was written/);
    expect(readdirSync(folder)).toEqual(["plain"]);
  });

  it("never writes through a FILE.bak that is a link: the link itself is replaced and the file outside is unchanged", () => {
    const secret = join(outside, ".bashrc");
    writeFileSync(secret, "export PATH=/usr/bin\n");
    const target = join(folder, "case.yaml");
    writeFileSync(target, "title: old\n");
    symlinkSync(join("..", "home", ".bashrc"), `${target}.bak`);

    expect(writeFileAtomic(target, "title: new\n", { force: true })).toEqual({ backup: `${target}.bak` });

    expect(readFileSync(secret, "utf8")).toBe("export PATH=/usr/bin\n");
    expect(lstatSync(`${target}.bak`).isSymbolicLink()).toBe(false);
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("title: old\n");
    expect(readFileSync(target, "utf8")).toBe("title: new\n");
    expect(readdirSync(folder).sort()).toEqual(["case.yaml", "case.yaml.bak"]);
  });

  it("names temporary files unpredictably, in the target's folder", () => {
    const target = join(folder, "case.yaml");
    const names = new Set(Array.from({ length: 50 }, () => temporaryPath(target)));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(new RegExp(`^${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/\\.case\\.yaml\\.[0-9a-f]{16}\\.tmp$`));
  });

  it("never follows or reuses a link already at the temporary name (O_EXCL), and says so", () => {
    const secret = join(outside, "authorized_keys");
    writeFileSync(secret, "ssh-ed25519 AAAA me\n");
    const target = join(folder, "case.yaml");
    // The random part is fixed here only so that the link can be placed where the writer will look.
    symlinkSync(secret, temporaryPath(target, "guessed"));
    const guessed = { randomSuffix: () => "guessed" };

    expect(() => writeFileAtomic(target, "title: new\n", { io: guessed })).toThrow(
      /cannot write .*case\.yaml: something is already at the temporary name .*\.case\.yaml\.guessed\.tmp.*nothing was written/,
    );
    expect(readFileSync(secret, "utf8")).toBe("ssh-ed25519 AAAA me\n");
    expect(readlinkSync(temporaryPath(target, "guessed"))).toBe(secret);
    expect(readdirSync(folder)).toEqual([".case.yaml.guessed.tmp"]);
  });

  it("never follows a link already at the backup's temporary name, and removes its own temporary file", () => {
    const secret = join(outside, "notes.txt");
    writeFileSync(secret, "mine\n");
    const target = join(folder, "case.yaml");
    writeFileSync(target, "title: old\n");
    writeFileSync(`${target}.bak`, "title: older\n");
    symlinkSync(secret, temporaryPath(`${target}.bak`, "guessed"));

    expect(() => writeFileAtomic(target, "title: new\n", { force: true, io: { randomSuffix: () => "guessed" } })).toThrow(
      /temporary name .*\.case\.yaml\.bak\.guessed\.tmp.*nothing was written/,
    );
    expect(readFileSync(secret, "utf8")).toBe("mine\n");
    expect(readFileSync(target, "utf8")).toBe("title: old\n");
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("title: older\n");
    expect(readdirSync(folder).sort()).toEqual([".case.yaml.bak.guessed.tmp", "case.yaml", "case.yaml.bak"]);
  });

  it("writes through a target that is a link: the link is kept, the file it points to is replaced, the backup sits next to the link", () => {
    const real = join(outside, "shared.yaml");
    writeFileSync(real, "title: old\n");
    const link = join(folder, "case.yaml");
    symlinkSync(real, link);

    expect(() => writeFileAtomic(link, "title: new\n")).toThrow(/already exists; use --force/);
    expect(writeFileAtomic(link, "title: new\n", { force: true })).toEqual({ backup: `${link}.bak` });

    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, "utf8")).toBe("title: new\n");
    expect(lstatSync(`${link}.bak`).isFile()).toBe(true);
    expect(readFileSync(`${link}.bak`, "utf8")).toBe("title: old\n");
    expect(readdirSync(outside)).toEqual(["shared.yaml"]);
  });

  it("refuses a link that points nowhere, creating nothing through it", () => {
    const missing = join(outside, "authorized_keys");
    const link = join(folder, "report.html");
    symlinkSync(missing, link);
    expect(() => writeFileAtomic(link, "<html>", { force: true })).toThrow(
      /cannot write .*report\.html: it is a link to .*authorized_keys, which does not exist; nothing was written/,
    );
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(folder)).toEqual(["report.html"]);
  });

  it("keeps the replaced file's permissions on the new file and its backup (0600 stays 0600, 0666 stays 0666)", () => {
    const target = join(folder, "case.yaml");
    writeFileSync(target, "token: secret\n");
    chmodSync(target, 0o600);
    writeFileAtomic(target, "token: other\n", { force: true });
    expect(modeOf(target)).toBe(0o600);
    expect(modeOf(`${target}.bak`)).toBe(0o600);
    // Modes the usual umask (022 or 002) would narrow: kept as they were, not as the umask says.
    for (const mode of [0o660, 0o666]) {
      chmodSync(target, mode);
      writeFileAtomic(target, `mode: ${mode}\n`, { force: true });
      expect(modeOf(target)).toBe(mode);
      expect(modeOf(`${target}.bak`)).toBe(mode);
    }
  });

  it("never replaces a read-only file, even with force (a scenario edited in place, the web app's Save): it says so and leaves it as it was", () => {
    const target = join(folder, "case.yaml");
    writeFileSync(target, "title: kept\n");
    chmodSync(target, 0o444);
    expect(() => writeFileAtomic(target, "title: new\n", { force: true })).toThrow(
      new UserError(
        `${target} is read-only and is left as it is: make it writable (chmod u+w ${target}) and run again, or write to another file (a read-only file is never replaced, not even with --force)`,
      ),
    );
    expect(readFileSync(target, "utf8")).toBe("title: kept\n");
    expect(modeOf(target)).toBe(0o444);
    expect(readdirSync(folder)).toEqual(["case.yaml"]);
  });

  it("never overwrites a read-only FILE.bak, even with force: the file is not replaced either, and the message names the backup and how to go on", () => {
    const target = join(folder, "case.yaml");
    writeFileSync(target, "title: current\n");
    writeFileSync(`${target}.bak`, "title: kept on purpose\n");
    chmodSync(`${target}.bak`, 0o444);
    expect(() => writeFileAtomic(target, "title: new\n", { force: true })).toThrow(
      new UserError(
        `${target}.bak is read-only and is left as it is, so ${target} is not replaced either (its previous version would be kept as case.yaml.bak): make it writable (chmod u+w ${target}.bak) or move it away, and run again, or write to another file (a read-only file is never replaced, not even with --force)`,
      ),
    );
    expect(readFileSync(target, "utf8")).toBe("title: current\n");
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("title: kept on purpose\n");
    expect(modeOf(`${target}.bak`)).toBe(0o444);
    expect(readdirSync(folder).sort()).toEqual(["case.yaml", "case.yaml.bak"]);
    // A new file keeps no backup, so a read-only FILE.bak beside it is no obstacle; and a writable one is replaced as before.
    rmSync(target);
    expect(writeFileAtomic(target, "title: first\n")).toEqual({});
    chmodSync(`${target}.bak`, 0o644);
    expect(writeFileAtomic(target, "title: second\n", { force: true })).toEqual({ backup: `${target}.bak` });
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("title: first\n");
  });

  it("leaves the file and the previous backup byte for byte as they were when the disk fills during the backup", () => {
    const target = join(folder, "case.yaml");
    writeFileSync(target, "title: current\n");
    writeFileSync(`${target}.bak`, "title: previous\n");
    const io = {
      write(fd: number, data: Uint8Array, file: "content" | "backup") {
        if (file === "backup") throw diskFull();
        writeFileSync(fd, data);
      },
    };

    expect(() => writeFileAtomic(target, "title: new\n", { force: true, io })).toThrow(UserError);
    expect(() => writeFileAtomic(target, "title: new\n", { force: true, io })).toThrow(/cannot write .*case\.yaml: the disk is full; nothing was written/);
    expect(readFileSync(target)).toEqual(Buffer.from("title: current\n"));
    expect(readFileSync(`${target}.bak`)).toEqual(Buffer.from("title: previous\n"));
    expect(readdirSync(folder).sort()).toEqual(["case.yaml", "case.yaml.bak"]);
  });

  it("leaves everything as it was when the disk fills while writing the new content", () => {
    const target = join(folder, "case.yaml");
    writeFileSync(target, "title: current\n");
    const io = {
      write() {
        throw diskFull();
      },
    };
    expect(() => writeFileAtomic(target, "title: new\n", { force: true, io })).toThrow(/the disk is full; nothing was written/);
    expect(() => writeFileAtomic(join(folder, "fresh.yaml"), "title: new\n", { io })).toThrow(
      /cannot write .*fresh\.yaml: the disk is full; nothing was written/,
    );
    expect(readFileSync(target, "utf8")).toBe("title: current\n");
    expect(readdirSync(folder)).toEqual(["case.yaml"]);
  });

  it("puts the previous backup back when the new file cannot be renamed into place", () => {
    const target = join(folder, "case.yaml");
    writeFileSync(target, "title: current\n");
    writeFileSync(`${target}.bak`, "title: previous\n");
    const io = {
      rename(from: string, to: string) {
        if (to === target) throw Object.assign(new Error("EPERM: operation not permitted, rename"), { code: "EPERM" });
        renameSync(from, to);
      },
    };
    expect(() => writeFileAtomic(target, "title: new\n", { force: true, io })).toThrow(/cannot write .*case\.yaml: permission denied; nothing was written/);
    expect(readFileSync(target)).toEqual(Buffer.from("title: current\n"));
    expect(readFileSync(`${target}.bak`)).toEqual(Buffer.from("title: previous\n"));
    expect(readdirSync(folder).sort()).toEqual(["case.yaml", "case.yaml.bak"]);

    rmSync(`${target}.bak`);
    expect(() => writeFileAtomic(target, "title: new\n", { force: true, io })).toThrow(/nothing was written/);
    expect(readdirSync(folder)).toEqual(["case.yaml"]);
  });

  it.runIf(process.getuid?.() === 0)("keeps the owner and group of a file another user owns (when run as root)", () => {
    const target = join(folder, "case.yaml");
    writeFileSync(target, "title: theirs\n");
    chownSync(target, 4321, 4322);
    writeFileAtomic(target, "title: new\n", { force: true });
    expect([statSync(target).uid, statSync(target).gid]).toEqual([4321, 4322]);
    expect([statSync(`${target}.bak`).uid, statSync(`${target}.bak`).gid]).toEqual([4321, 4322]);
  });

  it("refuses when FILE.bak is a folder, writing nothing", () => {
    const target = join(folder, "case.yaml");
    writeFileSync(target, "title: current\n");
    mkdirSync(`${target}.bak`);
    expect(() => writeFileAtomic(target, "title: new\n", { force: true })).toThrow(
      /case\.yaml\.bak is a folder, so the old file cannot be kept there; nothing was written/,
    );
    expect(readFileSync(target, "utf8")).toBe("title: current\n");
    expect(readdirSync(folder).sort()).toEqual(["case.yaml", "case.yaml.bak"]);
  });
});

describe("the chmod a refusal of a read-only file or backup gives", () => {
  it("can be pasted as it is: a name with a space is quoted, one starting with '-' is not read as an option (chmod u+w my case.yaml.bak works on 'my' and 'case.yaml.bak', other files)", () => {
    expect(readOnlyBackup("my case.yaml")).toContain("make it writable (chmod u+w 'my case.yaml.bak') or move it away");
    expect(readOnlyBackup("-draft.yaml")).toContain("make it writable (chmod u+w ./-draft.yaml.bak) or move it away");
    expect(readOnlyFile("my case.yaml")).toBe(
      "my case.yaml is read-only and is left as it is: make it writable (chmod u+w 'my case.yaml') and run again, or write to another file (a read-only file is never replaced, not even with --force)",
    );
    expect(readOnlyFile("-draft.yaml")).toContain("(chmod u+w ./-draft.yaml)");
    // A plain name stays as it is.
    expect(readOnlyBackup("cases/case.yaml")).toContain("(chmod u+w cases/case.yaml.bak)");
  });
});

describe("writeFileAtomic and a path the file system refuses", () => {
  it("says so as a user's error, not an internal one: a name too long, a loop of links", () => {
    expect(() => writeFileAtomic(join(folder, `${"x".repeat(300)}.html`), "a")).toThrow(
      new UserError(
        `cannot write ${join(folder, `${"x".repeat(300)}.html`)}: its name is too long for the file system (give a shorter one); nothing was written`,
      ),
    );
    symlinkSync("loop-b", join(folder, "loop-a"));
    symlinkSync("loop-a", join(folder, "loop-b"));
    expect(() => writeFileAtomic(join(folder, "loop-a", "case.yaml"), "a")).toThrow(
      /^cannot write .*loop-a\/case\.yaml: its path goes round a loop of links; nothing was written$/,
    );
  });
});

describe("writeFileAtomic stopped by Ctrl-C or SIGTERM in the middle", () => {
  const child = new URL("../test-support/atomic-write-child.ts", import.meta.url).pathname;
  for (const [signal, afterRename] of [
    ["SIGINT", 1],
    ["SIGTERM", 1],
    ["SIGTERM", 2],
  ] as const) {
    it(`${signal} after rename ${afterRename} of 2: the write completes, nothing is left behind, and the process then stops by the signal`, async () => {
      const { spawnSync } = await import("node:child_process");
      const target = join(folder, "case.yaml");
      writeFileSync(target, "current\n");
      writeFileSync(`${target}.bak`, "previous backup\n");
      const run = spawnSync(process.execPath, ["--import", "tsx", child, target, signal, String(afterRename)], { encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.signal).toBe(signal);
      expect(run.stdout).toBe("written\n");
      expect(readdirSync(folder).sort()).toEqual(["case.yaml", "case.yaml.bak"]);
      expect(readFileSync(target, "utf8")).toBe("new content\n");
      expect(readFileSync(`${target}.bak`, "utf8")).toBe("current\n");
    });
  }
});
