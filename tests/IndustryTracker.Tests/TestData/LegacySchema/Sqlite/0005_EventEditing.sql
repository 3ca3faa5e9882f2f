-- Event editing: a source URL an editor gives, and soft delete (DeletedAt/DeletedBy; a global query filter hides
-- deleted events). See docs/adr/0006-event-editing.md.
ALTER TABLE "Events" ADD COLUMN "SourceUrl" TEXT NULL;
ALTER TABLE "Events" ADD COLUMN "DeletedAt" TEXT NULL;
ALTER TABLE "Events" ADD COLUMN "DeletedBy" TEXT NULL;
