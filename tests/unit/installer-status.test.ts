import { describe, expect, it } from "vitest";
import { bulkActionsFor, bulkSummary, canTransition, rowActionsFor } from "@/lib/installers/rules";
import { registerInstallerSchema, convertInstallerSchema } from "@/lib/installers/schemas";

describe("installer statuses (seed 003)", () => {
  it("offer the row actions of the status table", () => {
    expect(rowActionsFor("ACCEPTED")).toEqual(["reject", "convert", "resetPassword", "remove"]);
    expect(rowActionsFor("REJECTED")).toEqual(["accept", "convert", "resetPassword", "remove"]);
    expect(rowActionsFor("PENDING")).toEqual(["accept", "convert", "resetPassword", "remove"]);
  });
  it("accept Pending and Rejected, reject Accepted", () => {
    expect(canTransition("PENDING", "accept")).toBe(true);
    expect(canTransition("REJECTED", "accept")).toBe(true);
    expect(canTransition("ACCEPTED", "accept")).toBe(false);
    expect(canTransition("ACCEPTED", "reject")).toBe(true);
    expect(canTransition("PENDING", "reject")).toBe(false);
  });
  it("show the union of bulk actions for mixed selections", () => {
    expect(bulkActionsFor([])).toEqual([]);
    expect(bulkActionsFor(["ACCEPTED"])).toEqual(["reject", "remove"]);
    expect(bulkActionsFor(["PENDING", "ACCEPTED"])).toEqual(["accept", "reject", "remove"]);
  });
  it("summarize bulk results with what was skipped and why", () => {
    expect(bulkSummary("accepted", 2, [{ reason: "already accepted", count: 1 }])).toBe("2 accepted, 1 skipped: already accepted");
    expect(bulkSummary("accepted", 2, [])).toBe("2 accepted");
    expect(
      bulkSummary("rejected", 0, [
        { reason: "already rejected", count: 1 },
        { reason: "no longer exist", count: 2 },
      ]),
    ).toBe("0 rejected, 3 skipped: 1 already rejected, 2 no longer exist");
  });
});

describe("installer fields", () => {
  it("hold the seed's limits", () => {
    const ok = { name: "A".repeat(254), email: "A@Example.com", phone: "+1 (555) 123-4567" };
    expect(registerInstallerSchema.parse(ok).email).toBe("a@example.com");
    const bad = registerInstallerSchema.safeParse({ name: "A".repeat(255), email: "nope", phone: "1".repeat(20) });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages.name).toBe("Name must contain less than 255 characters.");
    expect(messages.phone).toBe("Phone must contain less than 20 characters.");
    expect(messages.email).toMatch(/valid email/);
    expect(registerInstallerSchema.safeParse({ ...ok, phone: "call me" }).success).toBe(false);
  });
  it("require country and role for conversion", () => {
    const r = convertInstallerSchema.safeParse({ installerId: "x", fullName: "A", phone: "+1 555", country: "", roleId: "" });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages.country).toBe("Select a country.");
    expect(messages.roleId).toBe("Select a role.");
    expect(convertInstallerSchema.safeParse({ installerId: "x", fullName: "A", phone: "+1 555", country: "XX", roleId: "r" }).success).toBe(false);
  });
});

import { fts5Match, fullTextAnswers, installerSearchText, installerSearchTokens, prefixRange, searchWords } from "@/lib/installers/search";

describe("installer search", () => {
  it("indexes words of the name, the email and its parts, and the phone's digits", () => {
    const tokens = installerSearchTokens({ name: "Mary-Ann O'Brien", email: "Mary.OBrien@Example.com", phone: "+1 (555) 123-4567" });
    for (const t of ["mary", "ann", "o", "brien", "mary.obrien@example.com", "mary.obrien", "example.com", "obrien", "example", "com", "15551234567", "5551234567", "555", "123", "4567"])
      expect(tokens).toContain(t);
  });
  it("turns a query into words that each must start a token", () => {
    expect(searchWords("  Smith  ")).toEqual(["smith"]);
    expect(searchWords("liam.smith")).toEqual(["liam", "smith"]);
    expect(searchWords("Liam.Smith@Installers.test")).toEqual(["liam.smith@installers.test"]);
    expect(searchWords("+1 (555) 123")).toEqual(["1", "555", "123"]);
    expect(searchWords("555-1234")).toEqual(["5551234"]);
    expect(searchWords("")).toEqual([]);
    expect(prefixRange("smi")).toEqual({ gte: "smi", lt: "smi\uffff" });
  });
  it("writes the full-text document and queries for words of letters and digits only", () => {
    expect(installerSearchText(["olivia", "smith", "o'brien@x.test"])).toBe("olivia smith o'brien@x.test");
    expect(installerSearchText(["a b", "c"])).toBe("c");
    expect(fullTextAnswers(["josé", "smith", "555"])).toBe(true);
    expect(fullTextAnswers(["liam.smith@installers.test"])).toBe(false);
    expect(fullTextAnswers([])).toBe(false);
    const terms = [
      { text: "olivia", prefix: false },
      { text: "smi", prefix: true },
    ];
    expect(fts5Match(terms)).toBe('"olivia" AND "smi" *');
  });
});
