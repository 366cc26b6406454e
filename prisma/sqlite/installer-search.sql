-- The full-text index of installers (SQLite): FTS5 over "Installer"."searchText", kept in step by
-- triggers. A document's rowid is its organization's key times 2^40 plus the installer's rowid, so
-- the installers of one organization are one range of rowids: a search restricted to that range
-- counts its matches from the index alone, reading no installer to check its organization. Keys
-- are given once, in "InstallerSearchOrganization", and kept. Contentless (content=''): only the
-- rowids are ever read. A migration that redefines "Installer" (drops and recreates the table,
-- renumbering rowids and dropping its triggers) must run this file again; scripts/migration-sql.sh
-- appends it to such a migration. detail=none: only "which installers have a term starting with …"
-- is asked. The ascii tokenizer folds nothing but ASCII case, as the tokens are already NFKC lower
-- case (unicode61 would also strip diacritics: "josé" would find "jose").
CREATE TABLE IF NOT EXISTS "InstallerSearchOrganization" ("key" INTEGER PRIMARY KEY, "organizationId" TEXT NOT NULL UNIQUE);
DROP TRIGGER IF EXISTS "Installer_search_insert";
DROP TRIGGER IF EXISTS "Installer_search_delete";
DROP TRIGGER IF EXISTS "Installer_search_update";
DROP TABLE IF EXISTS "InstallerSearch";
CREATE VIRTUAL TABLE "InstallerSearch" USING fts5("searchText", content='', detail=none, tokenize='ascii');
CREATE TRIGGER "Installer_search_insert" AFTER INSERT ON "Installer" BEGIN
  INSERT OR IGNORE INTO "InstallerSearchOrganization" ("organizationId") VALUES (new."organizationId");
  INSERT INTO "InstallerSearch" (rowid, "searchText")
    SELECT o."key" * 1099511627776 + new.rowid, new."searchText" FROM "InstallerSearchOrganization" o WHERE o."organizationId" = new."organizationId";
END;
CREATE TRIGGER "Installer_search_delete" AFTER DELETE ON "Installer" BEGIN
  INSERT INTO "InstallerSearch" ("InstallerSearch", rowid, "searchText")
    SELECT 'delete', o."key" * 1099511627776 + old.rowid, old."searchText" FROM "InstallerSearchOrganization" o WHERE o."organizationId" = old."organizationId";
END;
CREATE TRIGGER "Installer_search_update" AFTER UPDATE OF "searchText", "organizationId" ON "Installer" BEGIN
  INSERT INTO "InstallerSearch" ("InstallerSearch", rowid, "searchText")
    SELECT 'delete', o."key" * 1099511627776 + old.rowid, old."searchText" FROM "InstallerSearchOrganization" o WHERE o."organizationId" = old."organizationId";
  INSERT OR IGNORE INTO "InstallerSearchOrganization" ("organizationId") VALUES (new."organizationId");
  INSERT INTO "InstallerSearch" (rowid, "searchText")
    SELECT o."key" * 1099511627776 + new.rowid, new."searchText" FROM "InstallerSearchOrganization" o WHERE o."organizationId" = new."organizationId";
END;
INSERT OR IGNORE INTO "InstallerSearchOrganization" ("organizationId") SELECT DISTINCT "organizationId" FROM "Installer";
INSERT INTO "InstallerSearch" (rowid, "searchText")
  SELECT o."key" * 1099511627776 + i.rowid, i."searchText" FROM "Installer" i JOIN "InstallerSearchOrganization" o ON o."organizationId" = i."organizationId";
