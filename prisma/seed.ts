// Demo data: two organizations, so that isolation is visible and tested.
// All demo accounts use the password DemoPass-2026 (demo data only).
import { randomUUID } from "node:crypto";
import { createDb, type Db } from "../lib/db";
import { createBuiltInRoles, createBuiltInUsergroups } from "../lib/access/roles";
import { hashPassword } from "../lib/auth/passwords";
import { makeImei } from "../lib/panels/rules";
import { installerSearchText, installerSearchTokens } from "../lib/installers/search";

export const DEMO_PASSWORD = "DemoPass-2026";
export const DEMO_ORG = "Northwind Security";
export const OTHER_ORG = "Other Alarms Ltd";

// Deterministic pseudo-random numbers, so every demo database looks the same.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST = [
  "Liam",
  "Olivia",
  "Noah",
  "Emma",
  "Oliver",
  "Ava",
  "Elijah",
  "Sophia",
  "James",
  "Isabella",
  "William",
  "Mia",
  "Benjamin",
  "Charlotte",
  "Lucas",
  "Amelia",
  "Henry",
  "Harper",
  "Alexander",
  "Evelyn",
  "Mason",
  "Abigail",
  "Ethan",
  "Emily",
  "Daniel",
];
const LAST = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Perez",
  "Thompson",
  "White",
  "Harris",
];

const DAY = 86_400_000;

export async function seedDemo(db: Db, now = new Date()): Promise<{ created: boolean }> {
  if (await db.organization.findFirst({ where: { name: DEMO_ORG } })) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const random = rng(2026);

  await db.$transaction(
    async (tx) => {
      // ---------- Organization 1 ----------
      const org = await tx.organization.create({ data: { name: DEMO_ORG } });
      const roles = await createBuiltInRoles(tx, org.id);
      const groupNames = ["North region", "South region", "Commercial", "Residential"];
      const groups = [];
      for (const name of groupNames) groups.push(await tx.panelGroup.create({ data: { organizationId: org.id, name } }));
      // Install Technicians see only the North region and Residential groups (so conversion meets panels the role cannot see).
      await tx.role.update({
        where: { id: roles.INSTALL_TECHNICIAN },
        data: { allPanelGroups: false, panelGroups: { create: [{ panelGroupId: groups[0]!.id }, { panelGroupId: groups[3]!.id }] } },
      });
      const usergroups = await createBuiltInUsergroups(tx, org.id);

      const staff: Array<[string, string, keyof typeof roles, string]> = [
        ["admin@demo.test", "Alex Admin", "ORGANIZATION_MANAGER", "+1 555 0100"],
        ["manager@demo.test", "Morgan Manager", "INSTALLER_MANAGER", "+1 555 0101"],
        ["tech@demo.test", "Taylor Tech", "INSTALL_TECHNICIAN", "+1 555 0102"],
        ["contact@demo.test", "Casey Contact", "PRIMARY_CONTACT", "+1 555 0103"],
      ];
      for (const [email, fullName, role, phone] of staff) {
        const user = await tx.user.create({ data: { organizationId: org.id, email, name: fullName, passwordHash, kind: "EMPLOYEE", usergroupId: usergroups.STAFF } });
        await tx.employee.create({ data: { organizationId: org.id, userId: user.id, fullName, email, phone, country: "US", roleId: roles[role] } });
      }

      // Panels: 40 across the four groups.
      const panels = [];
      for (let i = 0; i < 40; i++) {
        const group = groups[i % groups.length]!;
        panels.push(
          await tx.panel.create({
            data: {
              organizationId: org.id,
              imei: makeImei(`35693803${String(100000 + i).padStart(6, "0")}`),
              accountCode: (0xa100 + i).toString(16).toUpperCase(),
              panelGroupId: group.id,
              installerAppAccess: i % 9 !== 4,
              createdAt: new Date(now.getTime() - (120 - i) * DAY),
            },
          }),
        );
      }

      // Exactly 25 installers in all three statuses.
      const statuses = ["ACCEPTED", "PENDING", "REJECTED"] as const;
      for (let i = 0; i < 25; i++) {
        const name = `${FIRST[i]} ${LAST[(i * 7) % LAST.length]}`;
        const email = `${FIRST[i]}.${LAST[(i * 7) % LAST.length]}`.toLowerCase() + "@installers.test";
        const status = i < 13 ? "ACCEPTED" : statuses[i % 3];
        const createdAt = new Date(now.getTime() - Math.floor(5 + random() * 300) * DAY - Math.floor(random() * DAY));
        const lastLoginAt = status === "PENDING" ? null : new Date(now.getTime() - Math.floor(random() * 20) * DAY - Math.floor(random() * DAY));
        const user = await tx.user.create({ data: { organizationId: org.id, email, name, passwordHash, kind: "INSTALLER", lastLoginAt, createdAt } });
        const assigned = i % 4 === 0 ? [] : panels.filter((_, p) => (p + i) % 13 === 0 || (p * 3 + i) % 17 === 0).slice(0, 1 + (i % 4));
        const phone = `+1 555 ${String(2000 + i * 37).padStart(4, "0")}`;
        const tokens = installerSearchTokens({ name, email, phone });
        await tx.installer.create({
          data: {
            organizationId: org.id,
            userId: user.id,
            name,
            email,
            phone,
            searchText: installerSearchText(tokens),
            searchTokens: { create: tokens.map((token) => ({ organizationId: org.id, token })) },
            status,
            createdAt,
            lastLoginAt,
            panelCount: assigned.length,
            panels: { create: assigned.map((p) => ({ panelId: p.id })) },
          },
        });
      }

      await tx.organization.update({ where: { id: org.id }, data: { installerCount: 25 } });

      // Customers, their people and sites: a credential group with two sites,
      // standalone sites, active and not-activated sites, Installer Mode on and off.
      const customers = [
        {
          name: "Harbor Dental Clinic",
          accountNumber: "C-1001",
          sites: [
            { name: "Harbor Main", active: true, im: true },
            { name: "Harbor Annex", active: true, im: false },
          ],
          group: "Harbor Dental",
        },
        {
          name: "Maple Street Bakery",
          accountNumber: "C-1002",
          sites: [
            { name: "Maple Main", active: true, im: false },
            { name: "Maple Annex", active: false, im: false },
          ],
          group: null,
        },
        {
          name: "Summit Logistics",
          accountNumber: "C-1003",
          sites: [
            { name: "Summit Main", active: true, im: true },
            { name: "Summit Annex", active: false, im: false },
          ],
          group: null,
        },
      ];
      const types = ["MOBILE", "KEY_TAG", "CARD", "WEARABLE", "USER_CODE"] as const;
      let panelIndex = 0;
      for (const [ci, c] of customers.entries()) {
        const customer = await tx.customer.create({ data: { organizationId: org.id, name: c.name, accountNumber: c.accountNumber, createdAt: new Date(now.getTime() - (200 - ci * 20) * DAY) } });
        const people = [];
        for (const [pi, [first, last, title]] of [
          [FIRST[ci + 5], LAST[ci + 9], "Office manager"],
          [FIRST[ci + 10], LAST[ci + 14], "Supervisor"],
          [FIRST[ci + 15], LAST[ci + 19], "Staff"],
        ].entries()) {
          const email = pi === 0 ? `owner${ci + 1}@customers.test` : `${first}.${last}`.toLowerCase() + "@customers.test";
          // Every contact signs in to the customer web app (/app) with the demo password.
          const login = await tx.user.create({ data: { organizationId: org.id, email, name: `${first} ${last}`, passwordHash, kind: "CUSTOMER", usergroupId: usergroups.CUSTOMER_PORTAL } });
          people.push(
            await tx.contact.create({
              data: {
                organizationId: org.id,
                customerId: customer.id,
                name: `${first} ${last}`,
                jobTitle: title,
                email,
                phone: `+1415555${String(100 + ci * 10 + pi).padStart(4, "0")}`,
                userId: login.id,
              },
            }),
          );
        }
        const group = c.group ? await tx.credentialGroup.create({ data: { organizationId: org.id, name: c.group } }) : null;
        if (group) {
          for (const [pi, person] of people.entries())
            await tx.credential.create({ data: { organizationId: org.id, contactId: person.id, type: types[(ci + pi) % types.length]!, credentialGroupId: group.id } });
        }
        for (const site of c.sites) {
          const created = await tx.site.create({
            data: {
              organizationId: org.id,
              customerId: customer.id,
              name: site.name,
              address: `${100 + ci * 10 + panelIndex} ${["Harbor", "Maple", "Summit"][ci]} Rd, Springfield`,
              country: "US",
              timeZone: "America/Chicago",
              status: site.active ? "ACTIVE" : "NOT_ACTIVATED",
              installerMode: site.im,
              keyAccountHolderId: people[0]!.id,
              credentialGroupId: group?.id ?? null,
              activatedAt: site.active ? new Date(now.getTime() - 60 * DAY) : null,
            },
          });
          const roles = ["SITE_MANAGER", "SITE_ADMIN", "SITE_MEMBER"] as const;
          for (const [pi, person] of people.entries()) {
            await tx.siteContact.create({ data: { siteId: created.id, contactId: person.id, role: roles[pi] } });
            if (!group) await tx.credential.create({ data: { organizationId: org.id, contactId: person.id, type: types[(ci + pi + panelIndex) % types.length]!, siteId: created.id } });
          }
          await tx.panel.update({ where: { id: panels[panelIndex++]!.id }, data: { siteId: created.id } });
        }
        if (ci === 0) {
          // My Team's invitation states: one person invited (mobile, still open), one whose invitation expired.
          const harborMain = await tx.site.findFirstOrThrow({ where: { customerId: customer.id, name: "Harbor Main" } });
          for (const [name, email, sentAgo] of [
            ["Noah Pending", "noah.pending@customers.test", DAY],
            ["Emma Expired", "emma.expired@customers.test", 5 * DAY],
          ] as const) {
            const login = await tx.user.create({ data: { organizationId: org.id, email, name, kind: "CUSTOMER", usergroupId: usergroups.CUSTOMER_PORTAL } });
            const invited = await tx.contact.create({
              data: { organizationId: org.id, customerId: customer.id, name, jobTitle: "Staff", email, phone: `+1415555${sentAgo === DAY ? "0190" : "0191"}`, userId: login.id },
            });
            await tx.siteContact.create({ data: { siteId: harborMain.id, contactId: invited.id, role: "SITE_MEMBER" } });
            const sentAt = new Date(now.getTime() - sentAgo);
            await tx.invitation.create({
              data: { contactId: invited.id, kind: "MOBILE", requireSms: true, tokenHash: `demo-${randomUUID()}`, sentAt, expiresAt: new Date(sentAt.getTime() + 3 * DAY) },
            });
          }
        }
      }

      // ---------- Customer-portal access (seed 002) ----------
      const customerNamed = (name: string) => tx.customer.findFirstOrThrow({ where: { organizationId: org.id, name } });
      const harbor = await customerNamed("Harbor Dental Clinic");
      const maple = await customerNamed("Maple Street Bakery");
      // A login in Customer Portal linked to no contact: told at sign-in which step is missing.
      await tx.user.create({ data: { organizationId: org.id, email: "unlinked@customers.test", name: "Uma Unlinked", passwordHash, kind: "CUSTOMER", usergroupId: usergroups.CUSTOMER_PORTAL } });
      // Specific sites: a site contact of Maple Main only.
      const siteLogin = await tx.user.create({
        data: { organizationId: org.id, email: "sitecontact@customers.test", name: "Sam Sitecontact", passwordHash, kind: "CUSTOMER", usergroupId: usergroups.CUSTOMER_PORTAL },
      });
      const siteContact = await tx.contact.create({
        data: {
          organizationId: org.id,
          customerId: maple.id,
          name: "Sam Sitecontact",
          jobTitle: "Shift lead",
          email: "sitecontact@customers.test",
          phone: "+14155550192",
          userId: siteLogin.id,
          portalScope: "SPECIFIC_SITES",
        },
      });
      const mapleMain = await tx.site.findFirstOrThrow({ where: { customerId: maple.id, name: "Maple Main" } });
      await tx.siteContact.create({ data: { siteId: mapleMain.id, contactId: siteContact.id, role: "SITE_MEMBER" } });
      // All sites: a customer contact of Harbor Dental Clinic with no site-contact rows.
      const allLogin = await tx.user.create({
        data: { organizationId: org.id, email: "allsites@customers.test", name: "Alice Allsites", passwordHash, kind: "CUSTOMER", usergroupId: usergroups.CUSTOMER_PORTAL },
      });
      await tx.contact.create({
        data: {
          organizationId: org.id,
          customerId: harbor.id,
          name: "Alice Allsites",
          jobTitle: "Operations director",
          email: "allsites@customers.test",
          userId: allLogin.id,
          portalScope: "ALL_SITES",
        },
      });
      // The agent of Harbor Dental Clinic and Maple Street Bakery (read-only).
      const agentLogin = await tx.user.create({ data: { organizationId: org.id, email: "agent@agents.test", name: "Grace Agent", passwordHash, kind: "AGENT", usergroupId: usergroups.AGENT } });
      const agent = await tx.agent.create({ data: { organizationId: org.id, userId: agentLogin.id, name: "Grace Agent", company: "Guardian Facilities", email: "agent@agents.test" } });
      await tx.customer.updateMany({ where: { id: { in: [harbor.id, maple.id] } }, data: { agentId: agent.id } });

      // Personnel and jobs: tech@demo.test's personnel record has jobs in several statuses; admin@demo.test has none.
      const tech = await tx.user.findUniqueOrThrow({ where: { email: "tech@demo.test" } });
      const taylor = await tx.personnel.create({
        data: { organizationId: org.id, name: "Taylor Tech", jobTitle: "Field engineer", phone: "+1 555 0102", email: "tech@demo.test", loginUserId: tech.id },
      });
      const jordan = await tx.personnel.create({ data: { organizationId: org.id, name: "Jordan Engineer", jobTitle: "Senior engineer", phone: "+1 555 0110", email: "jordan@demo.test" } });
      const allSites = await tx.site.findMany({ where: { organizationId: org.id }, orderBy: { name: "asc" } });
      const siteNamed = (name: string) => allSites.find((x) => x.name === name)!;
      const jobs: [string, string, string, string, number | null, typeof taylor | null][] = [
        ["Harbor Main", "Replace keypad", "The front keypad's buttons stick.", "SCHEDULED", 2, taylor],
        ["Harbor Main", "Annual inspection", "Yearly check of every zone and the siren.", "COMPLETED", -20, taylor],
        ["Harbor Annex", "Install door contact", "New back door needs a contact.", "IN_PROGRESS", 0, taylor],
        ["Maple Main", "Battery replacement", "Panel reports a low battery.", "OPEN", null, taylor],
        ["Maple Main", "Relocate motion sensor", "Sensor faces the oven.", "CANCELLED", -5, jordan],
        ["Summit Main", "Add two cameras", "Loading dock coverage.", "SCHEDULED", 7, jordan],
        ["Summit Annex", "Site survey", "Survey before activation.", "OPEN", null, null],
      ];
      for (const [i, [siteName, title, description, status, days, person]] of jobs.entries()) {
        await tx.job.create({
          data: {
            organizationId: org.id,
            siteId: siteNamed(siteName).id,
            title,
            description,
            status,
            scheduledAt: days === null ? null : new Date(now.getTime() + days * DAY),
            personnelId: person?.id ?? null,
            createdAt: new Date(now.getTime() - (30 - i) * DAY),
          },
        });
      }

      // ---------- Organization 2 ----------
      const other = await tx.organization.create({ data: { name: OTHER_ORG } });
      const otherRoles = await createBuiltInRoles(tx, other.id);
      const otherUsergroups = await createBuiltInUsergroups(tx, other.id);
      const otherAdmin = await tx.user.create({
        data: { organizationId: other.id, email: "admin@other.test", name: "Olive Other", passwordHash, kind: "EMPLOYEE", usergroupId: otherUsergroups.STAFF },
      });
      await tx.employee.create({
        data: {
          organizationId: other.id,
          userId: otherAdmin.id,
          fullName: "Olive Other",
          email: "admin@other.test",
          phone: "+44 20 7946 0000",
          country: "GB",
          roleId: otherRoles.ORGANIZATION_MANAGER,
        },
      });
      await tx.organization.update({ where: { id: other.id }, data: { installerCount: 5 } });
      const otherGroup = await tx.panelGroup.create({ data: { organizationId: other.id, name: "London" } });
      const otherPanel = await tx.panel.create({ data: { organizationId: other.id, imei: makeImei("35693803900001"), accountCode: "B001", panelGroupId: otherGroup.id } });
      for (let i = 0; i < 5; i++) {
        const email = `other.installer${i + 1}@other.test`;
        const name = `Other Installer ${i + 1}`;
        const user = await tx.user.create({ data: { organizationId: other.id, email, name, passwordHash, kind: "INSTALLER" } });
        const phone = `+44 20 7946 00${10 + i}`;
        const tokens = installerSearchTokens({ name, email, phone });
        await tx.installer.create({
          data: {
            organizationId: other.id,
            userId: user.id,
            name,
            email,
            phone,
            searchText: installerSearchText(tokens),
            searchTokens: { create: tokens.map((token) => ({ organizationId: other.id, token })) },
            status: i % 2 ? "PENDING" : "ACCEPTED",
            panelCount: i === 0 ? 1 : 0,
            panels: i === 0 ? { create: [{ panelId: otherPanel.id }] } : undefined,
          },
        });
      }
    },
    { timeout: 60_000 },
  );
  return { created: true };
}

if (process.argv[1]?.endsWith("seed.ts")) {
  const db = createDb();
  seedDemo(db)
    .then(({ created }) => {
      console.log(created ? "Demo data loaded." : "Demo data already present; nothing changed.");
      console.log(`Demo accounts (password ${DEMO_PASSWORD}): admin@demo.test, manager@demo.test, tech@demo.test, contact@demo.test, admin@other.test`);
    })
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
