-- The panels of each group, counted by triggers on "Panel" (SQLite), so that every writer keeps
-- "PanelGroup"."panelCount" equal to COUNT(*): the console, the seed, an operator's import. The
-- Panels page reads it for the groups' counts and for the grid's total instead of counting a
-- table of up to millions of panels on every visit. A migration that redefines "Panel" (which
-- drops these triggers) or "PanelGroup" (whose rename fails while triggers name the dropped
-- table) must drop them first and run this file after; scripts/migration-sql.sh does both.
DROP TRIGGER IF EXISTS "Panel_group_count_insert";
DROP TRIGGER IF EXISTS "Panel_group_count_delete";
DROP TRIGGER IF EXISTS "Panel_group_count_move";
CREATE TRIGGER "Panel_group_count_insert" AFTER INSERT ON "Panel" BEGIN
  UPDATE "PanelGroup" SET "panelCount" = "panelCount" + 1 WHERE "id" = new."panelGroupId";
END;
CREATE TRIGGER "Panel_group_count_delete" AFTER DELETE ON "Panel" BEGIN
  UPDATE "PanelGroup" SET "panelCount" = "panelCount" - 1 WHERE "id" = old."panelGroupId";
END;
CREATE TRIGGER "Panel_group_count_move" AFTER UPDATE OF "panelGroupId" ON "Panel" WHEN old."panelGroupId" <> new."panelGroupId" BEGIN
  UPDATE "PanelGroup" SET "panelCount" = "panelCount" - 1 WHERE "id" = old."panelGroupId";
  UPDATE "PanelGroup" SET "panelCount" = "panelCount" + 1 WHERE "id" = new."panelGroupId";
END;
UPDATE "PanelGroup" SET "panelCount" = (SELECT COUNT(*) FROM "Panel" WHERE "Panel"."panelGroupId" = "PanelGroup"."id");
