-- AlterTable
ALTER TABLE "Installer" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- The document of every existing installer, from its search tokens.
UPDATE "Installer" i SET "searchText" = t.doc
FROM (SELECT "installerId", string_agg("token", ' ') AS doc FROM "InstallerSearchToken" GROUP BY "installerId") t
WHERE t."installerId" = i."id";

-- The full-text index of installers (PostgreSQL): GIN over the tokens as lexemes, taken as they are
-- (array_to_tsvector parses and stems nothing). lib/installers/queries.ts queries this expression.
CREATE INDEX "Installer_searchText_idx" ON "Installer" USING gin (array_to_tsvector(array_remove(string_to_array("searchText", ' '), '')));
