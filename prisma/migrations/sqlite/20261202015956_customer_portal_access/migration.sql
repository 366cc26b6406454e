-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "installerCount" INTEGER NOT NULL DEFAULT 0,
    "requireMfa" BOOLEAN NOT NULL DEFAULT false,
    "portalLicences" INTEGER NOT NULL DEFAULT 25,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Organization" ("createdAt", "id", "installerCount", "name", "requireMfa") SELECT "createdAt", "id", "installerCount", "name", "requireMfa" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "passwordHash" TEXT,
    "kind" TEXT NOT NULL,
    "disabledAt" DATETIME,
    "lastLoginAt" DATETIME,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "usergroupId" TEXT,
    "preferences" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "User_usergroupId_fkey" FOREIGN KEY ("usergroupId") REFERENCES "Usergroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("createdAt", "email", "id", "kind", "lastLoginAt", "organizationId", "passwordHash", "preferences", "sessionVersion", "updatedAt", "usergroupId") SELECT "createdAt", "email", "id", "kind", "lastLoginAt", "organizationId", "passwordHash", "preferences", "sessionVersion", "updatedAt", "usergroupId" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_organizationId_kind_idx" ON "User"("organizationId", "kind");
CREATE TABLE "new_Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "userId" TEXT,
    "portalScope" TEXT NOT NULL DEFAULT 'SPECIFIC_SITES',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Contact_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Contact_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Contact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Contact" ("createdAt", "customerId", "email", "id", "jobTitle", "name", "organizationId", "phone", "userId") SELECT "createdAt", "customerId", "email", "id", "jobTitle", "name", "organizationId", "phone", "userId" FROM "Contact";
DROP TABLE "Contact";
ALTER TABLE "new_Contact" RENAME TO "Contact";
CREATE UNIQUE INDEX "Contact_userId_key" ON "Contact"("userId");
CREATE INDEX "Contact_customerId_idx" ON "Contact"("customerId");
CREATE INDEX "Contact_organizationId_email_idx" ON "Contact"("organizationId", "email");
CREATE TABLE "new_Usergroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "canAccessApp" BOOLEAN NOT NULL DEFAULT false,
    "builtIn" TEXT,
    "permissionGroups" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Usergroup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Usergroup" ("id", "kind", "name", "organizationId") SELECT "id", "kind", "name", "organizationId" FROM "Usergroup";
DROP TABLE "Usergroup";
ALTER TABLE "new_Usergroup" RENAME TO "Usergroup";
CREATE UNIQUE INDEX "Usergroup_organizationId_name_key" ON "Usergroup"("organizationId", "name");
CREATE TABLE "new_Personnel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "loginUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Personnel_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Personnel_loginUserId_fkey" FOREIGN KEY ("loginUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Personnel" ("createdAt", "id", "loginUserId", "name", "organizationId") SELECT "createdAt", "id", "loginUserId", "name", "organizationId" FROM "Personnel";
DROP TABLE "Personnel";
ALTER TABLE "new_Personnel" RENAME TO "Personnel";
CREATE UNIQUE INDEX "Personnel_loginUserId_key" ON "Personnel"("loginUserId");
CREATE INDEX "Personnel_organizationId_name_idx" ON "Personnel"("organizationId", "name");
CREATE TABLE "new_Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "personnelId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "scheduledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Job_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Job_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Job_personnelId_fkey" FOREIGN KEY ("personnelId") REFERENCES "Personnel" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Job" ("createdAt", "id", "organizationId", "personnelId", "scheduledAt", "siteId", "status", "title") SELECT "createdAt", "id", "organizationId", "personnelId", "scheduledAt", "siteId", "status", "title" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE INDEX "Job_siteId_idx" ON "Job"("siteId");
CREATE INDEX "Job_personnelId_idx" ON "Job"("personnelId");
CREATE INDEX "Job_organizationId_createdAt_idx" ON "Job"("organizationId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Data: the built-in usergroups of every organization (seed 002), and every existing login in its one.
INSERT INTO "Usergroup" ("id", "organizationId", "name", "kind", "canAccessApp", "builtIn", "permissionGroups")
SELECT 'ug-portal-' || "id", "id", 'Customer Portal', 'EXTERNAL', true, 'CUSTOMER_PORTAL', '' FROM "Organization"
WHERE NOT EXISTS (SELECT 1 FROM "Usergroup" u WHERE u."organizationId" = "Organization"."id" AND u."name" = 'Customer Portal');
INSERT INTO "Usergroup" ("id", "organizationId", "name", "kind", "canAccessApp", "builtIn", "permissionGroups")
SELECT 'ug-agent-' || "id", "id", 'Agent', 'EXTERNAL', true, 'AGENT', '' FROM "Organization"
WHERE NOT EXISTS (SELECT 1 FROM "Usergroup" u WHERE u."organizationId" = "Organization"."id" AND u."name" = 'Agent');
INSERT INTO "Usergroup" ("id", "organizationId", "name", "kind", "canAccessApp", "builtIn", "permissionGroups")
SELECT 'ug-staff-' || "id", "id", 'Staff', 'INTERNAL', true, 'STAFF', 'Personnel & jobs' FROM "Organization"
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
