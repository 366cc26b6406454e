import { describe, expect, it } from "vitest";
import { applySetChanges, applyValueChange } from "@/lib/roles/rules";

describe("a role editor's changes applied to the role as it is now", () => {
  it("adds what the editor added and removes what it removed, keeping what someone else changed meanwhile", () => {
    const shown = ["installers.view", "panels.view"];
    // Someone else added "installers.accept" and removed "panels.view" after this editor opened.
    const current = ["installers.view", "installers.accept"];
    // This editor added "sites.view" and removed "installers.view".
    const edited = ["panels.view", "sites.view"];
    expect(applySetChanges(current, shown, edited).sort()).toEqual(["installers.accept", "sites.view"]);
  });

  it("is the edited set when nobody else changed the role, and the current one when the editor changed nothing", () => {
    expect(applySetChanges(["a", "b"], ["a", "b"], ["b", "c"]).sort()).toEqual(["b", "c"]);
    expect(applySetChanges(["a", "x"], ["a", "b"], ["a", "b"]).sort()).toEqual(["a", "x"]);
  });

  it("takes a single value from the editor only when the editor changed it", () => {
    expect(applyValueChange("Renamed meanwhile", "Old", "Old")).toBe("Renamed meanwhile");
    expect(applyValueChange("Renamed meanwhile", "Old", "Mine")).toBe("Mine");
    expect(applyValueChange(false, true, true)).toBe(false);
  });
});
