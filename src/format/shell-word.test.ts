import { describe, expect, it } from "vitest";
import { shellPath, shellWord } from "./shell-word.js";

describe("shellWord and shellPath", () => {
  it("quote what a shell would split, and keep plain words as they are", () => {
    expect(shellWord("examples/team.yaml")).toBe("examples/team.yaml");
    expect(shellWord("my option")).toBe("'my option'");
    expect(shellWord("the team's own")).toBe("'the team'\\''s own'");
  });

  it("write a relative path that starts with '-' after './', which the command line cannot take for an option", () => {
    // Quoted or not, "-draft.yaml" reached the command line as an option: "unknown option '-draft.yaml'".
    expect(shellPath("-draft.yaml")).toBe("./-draft.yaml");
    expect(shellPath("-my draft.yaml")).toBe("'./-my draft.yaml'");
    expect(shellPath("cases/-draft.yaml")).toBe("cases/-draft.yaml");
    expect(shellPath("/tmp/-draft.yaml")).toBe("/tmp/-draft.yaml");
  });
});
