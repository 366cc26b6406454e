-- AlterTable (a column added last: no need to redefine the table)
ALTER TABLE "Installer" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

-- The document of every existing installer, from its search tokens.
UPDATE "Installer" SET "searchText" = COALESCE((SELECT group_concat("token", ' ') FROM "InstallerSearchToken" t WHERE t."installerId" = "Installer"."id"), '');

-- The full-text index of installers (SQLite): FTS5 over "Installer"."searchText", kept in step by
-- triggers. Its rows are the installers' rowids, so a migration that redefines "Installer" (drops
-- and recreates the table, renumbering rowids and dropping its triggers) must run this file again;
-- scripts/migration-sql.sh appends it to such a migration. detail=none: only "which installers have
-- a term starting with …" is asked. The ascii tokenizer folds nothing but ASCII case, as the tokens
-- are already NFKC lower case (unicode61 would also strip diacritics: "josé" would find "jose").
DROP TABLE IF EXISTS "InstallerSearch";
CREATE VIRTUAL TABLE "InstallerSearch" USING fts5("searchText", content='Installer', content_rowid='rowid', detail=none, tokenize='ascii');
DROP TRIGGER IF EXISTS "Installer_search_insert";
DROP TRIGGER IF EXISTS "Installer_search_delete";
DROP TRIGGER IF EXISTS "Installer_search_update";
CREATE TRIGGER "Installer_search_insert" AFTER INSERT ON "Installer" BEGIN
  INSERT INTO "InstallerSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "Installer_search_delete" AFTER DELETE ON "Installer" BEGIN
  INSERT INTO "InstallerSearch" ("InstallerSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "Installer_search_update" AFTER UPDATE OF "searchText" ON "Installer" BEGIN
  INSERT INTO "InstallerSearch" ("InstallerSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "InstallerSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "InstallerSearch" ("InstallerSearch") VALUES ('rebuild');
