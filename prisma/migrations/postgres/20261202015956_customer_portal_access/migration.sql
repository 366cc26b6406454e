-- CreateEnum
CREATE TYPE "PortalScope" AS ENUM ('ALL_SITES', 'SPECIFIC_SITES');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "portalLicences" INTEGER NOT NULL DEFAULT 25;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "portalScope" "PortalScope" NOT NULL DEFAULT 'SPECIFIC_SITES';

-- AlterTable
ALTER TABLE "Usergroup" ADD COLUMN     "builtIn" TEXT,
ADD COLUMN     "canAccessApp" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "permissionGroups" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Personnel" ADD COLUMN     "email" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "jobTitle" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "phone" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Personnel_organizationId_name_idx" ON "Personnel"("organizationId", "name");

-- CreateIndex
CREATE INDEX "Job_organizationId_createdAt_idx" ON "Job"("organizationId", "createdAt");


-- Data: the built-in usergroups of every organization (seed 002), and every existing login in its one.
INSERT INTO "Usergroup" ("id", "organizationId", "name", "kind", "canAccessApp", "builtIn", "permissionGroups")
SELECT 'ug-portal-' || "id", "id", 'Customer Portal', 'EXTERNAL'::"UsergroupKind", true, 'CUSTOMER_PORTAL', '' FROM "Organization"
WHERE NOT EXISTS (SELECT 1 FROM "Usergroup" u WHERE u."organizationId" = "Organization"."id" AND u."name" = 'Customer Portal');
INSERT INTO "Usergroup" ("id", "organizationId", "name", "kind", "canAccessApp", "builtIn", "permissionGroups")
SELECT 'ug-agent-' || "id", "id", 'Agent', 'EXTERNAL'::"UsergroupKind", true, 'AGENT', '' FROM "Organization"
WHERE NOT EXISTS (SELECT 1 FROM "Usergroup" u WHERE u."organizationId" = "Organization"."id" AND u."name" = 'Agent');
INSERT INTO "Usergroup" ("id", "organizationId", "name", "kind", "canAccessApp", "builtIn", "permissionGroups")
SELECT 'ug-staff-' || "id", "id", 'Staff', 'INTERNAL'::"UsergroupKind", true, 'STAFF', 'Personnel & jobs' FROM "Organization"
WHERE NOT EXISTS (SELECT 1 FROM "Usergroup" u WHERE u."organizationId" = "Organization"."id" AND u."name" = 'Staff');
UPDATE "User" SET "usergroupId" = 'ug-portal-' || "organizationId" WHERE "kind" = 'CUSTOMER' AND "usergroupId" IS NULL;
UPDATE "User" SET "usergroupId" = 'ug-agent-' || "organizationId" WHERE "kind" = 'AGENT' AND "usergroupId" IS NULL;
UPDATE "User" SET "usergroupId" = 'ug-staff-' || "organizationId" WHERE "kind" = 'EMPLOYEE' AND "usergroupId" IS NULL;
UPDATE "User" SET "name" = COALESCE((SELECT "fullName" FROM "Employee" e WHERE e."userId" = "User"."id"), (SELECT "name" FROM "Contact" c WHERE c."userId" = "User"."id"), (SELECT "name" FROM "Installer" i WHERE i."userId" = "User"."id"), (SELECT "name" FROM "Agent" a WHERE a."userId" = "User"."id"), '') WHERE "name" = '';

-- Data: the new Personnel & jobs permissions for the built-in roles.
INSERT INTO "RolePermission" ("roleId", "permission") SELECT r."id", p."permission" FROM "Role" r, (SELECT 'personnel.view' AS "permission" UNION ALL SELECT 'personnel.manage' UNION ALL SELECT 'jobs.view' UNION ALL SELECT 'jobs.manage') p
WHERE r."builtIn" IN ('ORGANIZATION_MANAGER', 'PRIMARY_CONTACT') AND NOT EXISTS (SELECT 1 FROM "RolePermission" x WHERE x."roleId" = r."id" AND x."permission" = p."permission");
INSERT INTO "RolePermission" ("roleId", "permission") SELECT r."id", 'jobs.view' FROM "Role" r
WHERE r."builtIn" = 'INSTALL_TECHNICIAN' AND NOT EXISTS (SELECT 1 FROM "RolePermission" x WHERE x."roleId" = r."id" AND x."permission" = 'jobs.view');
