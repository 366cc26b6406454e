import { describe, expect, it } from "vitest";
import { invitationState, maySetSignInDetails, splitName, webInvitationAllowed } from "@/lib/customer-app/rules";
import { formatPhone, toE164 } from "@/lib/phone";

const now = new Date("2026-12-02T12:00:00Z");
const h = (n: number) => new Date(now.getTime() + n * 3600_000);

describe("invitationState (My Team's card)", () => {
  it("shows the newest open invitation with its expiry, even for an active person", () => {
    expect(invitationState([{ kind: "MOBILE", sentAt: h(-1), expiresAt: h(71), acceptedAt: null }], false, now)).toEqual({ label: "Invited (mobile)", expiresAt: h(71) });
    expect(
      invitationState(
        [
          { kind: "MOBILE", sentAt: h(-100), expiresAt: h(-28), acceptedAt: h(-99) },
          { kind: "WEB", sentAt: h(-2), expiresAt: h(70), acceptedAt: null },
        ],
        false,
        now,
      ),
    ).toEqual({ label: "Invited (web)", expiresAt: h(70) });
  });
  it("is Active once an invitation was accepted or a password is set; Expired when only expired ones exist; Not invited otherwise", () => {
    expect(invitationState([{ kind: "MOBILE", sentAt: h(-100), expiresAt: h(-28), acceptedAt: h(-90) }], false, now).label).toBe("Active");
    expect(invitationState([], true, now).label).toBe("Active");
    expect(invitationState([{ kind: "MOBILE", sentAt: h(-100), expiresAt: h(-28), acceptedAt: null }], false, now)).toEqual({ label: "Expired", expiresAt: h(-28) });
    expect(invitationState([{ kind: "MOBILE", sentAt: h(-72), expiresAt: now, acceptedAt: null }], false, now).label).toBe("Expired");
    expect(invitationState([], false, now).label).toBe("Not invited");
  });
  it("offers a web invitation only after a mobile one", () => {
    expect(webInvitationAllowed([])).toBe(false);
    expect(webInvitationAllowed([{ kind: "WEB" }])).toBe(false);
    expect(webInvitationAllowed([{ kind: "MOBILE" }])).toBe(true);
  });
});

describe("names and phones", () => {
  it("splits the stored name into the form's first and last name", () => {
    expect(splitName("Ava Martinez")).toEqual({ firstName: "Ava", lastName: "Martinez" });
    expect(splitName("Mary Ann van der Berg")).toEqual({ firstName: "Mary", lastName: "Ann van der Berg" });
    expect(splitName("Cher")).toEqual({ firstName: "Cher", lastName: "" });
  });
  it("stores phones in E.164, read in the site's country, and refuses invalid ones", () => {
    expect(toE164("(415) 555-0162", "US")).toBe("+14155550162");
    expect(toE164("+44 20 7946 0018", "US")).toBe("+442079460018");
    expect(toE164("020 7946 0018", "GB")).toBe("+442079460018");
    expect(toE164("12", "US")).toBeNull();
    expect(toE164("", "US")).toBeNull();
    expect(toE164("call me maybe", "US")).toBeNull();
    expect(formatPhone("+14155550162")).toBe("+1 415 555 0162");
  });
});

describe("maySetSignInDetails (Edit's email and mobile phone)", () => {
  const managed = new Set(["north", "south"]);
  const reach = (roleSiteIds: string[], keyAccountSiteIds: string[] = [], allSitesOfCustomer: string[] | null = null) => ({ roleSiteIds, keyAccountSiteIds, allSitesOfCustomer });

  it("allows them when everything the person's login reaches is managed by the caller", () => {
    expect(maySetSignInDetails(reach(["north", "south"], ["north"]), managed)).toBe(true);
    expect(maySetSignInDetails(reach(["south"], [], ["north", "south"]), managed)).toBe(true);
  });

  it("refuses them for a role, a key account or All sites access beyond the caller's sites", () => {
    expect(maySetSignInDetails(reach(["north", "east"]), managed)).toBe(false);
    expect(maySetSignInDetails(reach(["north"], ["east"]), managed)).toBe(false);
    expect(maySetSignInDetails(reach(["north"], [], ["north", "south", "east"]), managed)).toBe(false);
  });
});
