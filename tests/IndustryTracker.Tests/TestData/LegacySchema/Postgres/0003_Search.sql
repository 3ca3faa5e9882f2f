-- Full-text search over timeline events: title, summary and the quotes of the mentions that support the event.
-- One row per event holding its tsvector, kept in sync by triggers (as the SQLite FTS5 table is), GIN-indexed.
-- See docs/adr/0004-full-text-search.md.
CREATE TABLE "EventSearch" (
    "EventId" integer NOT NULL CONSTRAINT "PK_EventSearch" PRIMARY KEY
        CONSTRAINT "FK_EventSearch_Events_EventId" REFERENCES "Events" ("Id") ON DELETE CASCADE,
    "Document" tsvector NOT NULL
);

CREATE INDEX "IX_EventSearch_Document" ON "EventSearch" USING GIN ("Document");

CREATE FUNCTION "EventSearch_Refresh"(event_id integer) RETURNS void LANGUAGE sql AS $$
    DELETE FROM "EventSearch" WHERE "EventId" = event_id;
    INSERT INTO "EventSearch" ("EventId", "Document")
    SELECT e."Id",
           to_tsvector('simple'::regconfig, e."Title" || ' ' || coalesce(e."Summary", '') || ' ' ||
               coalesce((SELECT string_agg(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), ''))
    FROM "Events" AS e WHERE e."Id" = event_id;
$$;

CREATE FUNCTION "EventSearch_EventChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "EventSearch_Refresh"(NEW."Id");
    RETURN NULL;
END;
$$;

CREATE FUNCTION "EventSearch_MentionChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."TimelineEventId" IS NOT NULL THEN
        PERFORM "EventSearch_Refresh"(OLD."TimelineEventId");
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."TimelineEventId" IS NOT NULL THEN
        PERFORM "EventSearch_Refresh"(NEW."TimelineEventId");
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "EventSearch_EventInsertedOrUpdated" AFTER INSERT OR UPDATE OF "Title", "Summary" ON "Events"
    FOR EACH ROW EXECUTE FUNCTION "EventSearch_EventChanged"();

CREATE TRIGGER "EventSearch_MentionChanged" AFTER INSERT OR UPDATE OR DELETE ON "Mentions"
    FOR EACH ROW EXECUTE FUNCTION "EventSearch_MentionChanged"();

INSERT INTO "EventSearch" ("EventId", "Document")
SELECT e."Id",
       to_tsvector('simple'::regconfig, e."Title" || ' ' || coalesce(e."Summary", '') || ' ' ||
           coalesce((SELECT string_agg(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), ''))
FROM "Events" AS e;
