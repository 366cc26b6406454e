import { describe, expect, it } from "vitest";
import { changedFields, shownSchema } from "@/lib/edits";

describe("an edit form's save writes the fields it changed", () => {
  const keys = ["fullName", "phone", "country"] as const;
  const shown = { fullName: "Alex Admin", phone: "+1 555 0100", country: "US" };

  it("only those that differ from what the form showed", () => {
    expect(changedFields({ fullName: "Alex Admin", phone: "+1 555 0199", country: "US" }, shown, keys)).toEqual({ phone: "+1 555 0199" });
    expect(changedFields({ ...shown }, shown, keys)).toEqual({});
  });

  it("every field when the form sent nothing of what it showed, or not that field", () => {
    expect(changedFields({ ...shown }, undefined, keys)).toEqual(shown);
    expect(changedFields({ ...shown }, { phone: shown.phone }, keys)).toEqual({ fullName: "Alex Admin", country: "US" });
  });

  it("reads what was shown as plain, optional text", () => {
    const schema = shownSchema(keys);
    expect(schema.parse(undefined)).toBeUndefined();
    expect(schema.parse({ phone: "x" })).toEqual({ phone: "x" });
    expect(schema.safeParse({ phone: 5 }).success).toBe(false);
  });
});
