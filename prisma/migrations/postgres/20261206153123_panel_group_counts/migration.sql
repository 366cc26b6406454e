-- AlterTable
ALTER TABLE "PanelGroup" ADD COLUMN     "panelCount" INTEGER NOT NULL DEFAULT 0;


-- The panels of each group, counted by a trigger on "Panel", so that every writer keeps
-- "PanelGroup"."panelCount" equal to COUNT(*) (prisma/sqlite/panel-group-count.sql says why).
-- Each UPDATE takes the group's row lock, so concurrent writers never lose a count.
CREATE FUNCTION "panel_group_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."panelGroupId" = NEW."panelGroupId" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "PanelGroup" SET "panelCount" = "panelCount" - 1 WHERE "id" = OLD."panelGroupId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "PanelGroup" SET "panelCount" = "panelCount" + 1 WHERE "id" = NEW."panelGroupId";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Panel_group_count" AFTER INSERT OR DELETE OR UPDATE OF "panelGroupId" ON "Panel" FOR EACH ROW EXECUTE FUNCTION "panel_group_count"();
UPDATE "PanelGroup" g SET "panelCount" = (SELECT COUNT(*) FROM "Panel" p WHERE p."panelGroupId" = g."id");
