// Names, titles and labels are one line: CR, LF and other control characters are refused by the
// shared schemas (the form and the server action parse the same ones).
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { customerSchema } from "@/lib/customers/schemas";
import { addEmployeeSchema, editEmployeeSchema } from "@/lib/employees/schemas";
import { convertInstallerSchema, registerInstallerSchema } from "@/lib/installers/schemas";
import { panelGroupSchema } from "@/lib/panels/schemas";
import { roleSchema } from "@/lib/roles/schemas";
import { smtpSettingsSchema } from "@/lib/settings/schemas";
import { newGroupSchema, renameGroupSchema, siteSchema } from "@/lib/sites/schemas";
import { isSingleLine, SINGLE_LINE_MESSAGE, toSingleLine } from "@/lib/text";

const valid: Array<[string, z.ZodType, Record<string, unknown>, string[]]> = [
  ["register installer", registerInstallerSchema, { name: "Ann Installer", email: "ann@example.com", phone: "+1 555 0101" }, ["name"]],
  ["convert installer", convertInstallerSchema, { installerId: "i1", fullName: "Ann Employee", phone: "+1 555 0101", country: "US", roleId: "r1" }, ["fullName"]],
  ["add employee", addEmployeeSchema, { fullName: "Ann Employee", email: "ann@example.com", phone: "+1 555 0101", country: "US", roleId: "r1" }, ["fullName"]],
  ["edit employee", editEmployeeSchema, { id: "e1", fullName: "Ann Employee", phone: "+1 555 0101", country: "US" }, ["fullName"]],
  ["customer", customerSchema, { name: "Summit Logistics", accountNumber: "C-1" }, ["name"]],
  ["role", roleSchema, { name: "Night shift", permissions: [], allPanelGroups: true, panelGroupIds: [] }, ["name"]],
  ["panel group", panelGroupSchema, { name: "North region" }, ["name"]],
  ["site", siteSchema, { customerId: "c1", name: "Main office", address: "1 Main St", country: "US", timeZone: "UTC" }, ["name", "address"]],
  ["new credential group", newGroupSchema, { siteId: "s1", name: "Harbor" }, ["name"]],
  ["rename credential group", renameGroupSchema, { groupId: "g1", name: "Harbor" }, ["name"]],
  ["SMTP settings", smtpSettingsSchema, { host: "smtp.example.com", port: 587, fromAddress: "Dealer <alerts@example.com>", username: "mailer" }, ["fromAddress", "username"]],
];

describe("one line of text", () => {
  for (const [label, schema, input, fields] of valid) {
    it(`${label}: accepts the plain value and refuses a line break or control character in ${fields.join(", ")}`, () => {
      expect(schema.safeParse(input).success).toBe(true);
      for (const field of fields) {
        for (const bad of ["\r\nBcc: victim@example.com", "\u0000", "\t", "\u2028", "\u0085"]) {
          const value = `${String(input[field]).replace(/>$/, "")}${bad}x${String(input[field]).endsWith(">") ? ">" : ""}`;
          const parsed = schema.safeParse({ ...input, [field]: value });
          expect(parsed.success, `${field} with ${JSON.stringify(bad)}`).toBe(false);
          if (!parsed.success) expect(parsed.error.issues.map((i) => i.message)).toContain(SINGLE_LINE_MESSAGE);
        }
      }
    });
  }

  it("keeps letters of every script and spaces", () => {
    expect(isSingleLine("Zoë Ångström – 東京 office")).toBe(true);
    expect(toSingleLine("Subject\r\nBcc: x")).toBe("Subject Bcc: x");
  });
});
