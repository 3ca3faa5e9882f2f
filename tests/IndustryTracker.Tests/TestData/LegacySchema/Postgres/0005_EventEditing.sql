-- Event editing: a source URL an editor gives, and soft delete (DeletedAt/DeletedBy; a global query filter hides
-- deleted events). See docs/adr/0006-event-editing.md.
ALTER TABLE "Events" ADD COLUMN "SourceUrl" character varying(2000);
ALTER TABLE "Events" ADD COLUMN "DeletedAt" timestamp with time zone;
ALTER TABLE "Events" ADD COLUMN "DeletedBy" character varying(256);
