import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape.js";

describe("escapeHtml", () => {
  it("turns markup into text", () => {
    expect(escapeHtml("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
  it("escapes quotes so a string cannot leave an attribute", () => {
    expect(escapeHtml(`a" onload="x' &`)).toBe("a&quot; onload=&quot;x&#39; &amp;");
  });
  it("leaves plain text alone", () => {
    expect(escapeHtml("Every tool we want — €3,600")).toBe("Every tool we want — €3,600");
  });
});
