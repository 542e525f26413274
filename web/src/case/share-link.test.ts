import { describe, expect, it } from "vitest";
import { caseInHash, decodeCase, encodeCase, shareLink } from "./share-link.js";

describe("share links", () => {
  it("carry the case through deflate and base64url, and back", async () => {
    const data = { title: "Zwölf Monate — €", scenarios: { today: { projects: { upkeepHoursPerMonth: { value: 30, note: "a".repeat(2000) } } } } };
    const encoded = await encodeCase(data);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(JSON.stringify(data).length / 4);
    const link = shareLink("http://127.0.0.1:4173/?x=1#old", encoded);
    expect(link).toBe(`http://127.0.0.1:4173/?x=1#case=${encoded}`);
    expect(await decodeCase(caseInHash(new URL(link).hash)!)).toEqual(data);
  });

  it("say plainly when a link is damaged", async () => {
    await expect(decodeCase("not base64!")).rejects.toThrow(/damaged/);
    await expect(decodeCase("AAAA")).rejects.toThrow(/damaged/);
    expect(caseInHash("#other=1")).toBeUndefined();
  });
});
