-- Full-text search over timeline events: title, summary and the quotes of the mentions that support the event.
-- One FTS5 row per event (rowid = "Events"."Id"), kept in sync by triggers, so imports and edits need no rebuild.
-- See docs/adr/0004-full-text-search.md.
CREATE VIRTUAL TABLE "EventSearch" USING fts5("Title", "Summary", "Quotes", tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO "EventSearch" (rowid, "Title", "Summary", "Quotes")
SELECT e."Id", e."Title", coalesce(e."Summary", ''),
       coalesce((SELECT group_concat(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), '')
FROM "Events" AS e;

CREATE TRIGGER "EventSearch_EventInserted" AFTER INSERT ON "Events" BEGIN
    DELETE FROM "EventSearch" WHERE rowid = NEW."Id";
    INSERT INTO "EventSearch" (rowid, "Title", "Summary", "Quotes")
    SELECT e."Id", e."Title", coalesce(e."Summary", ''),
           coalesce((SELECT group_concat(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), '')
    FROM "Events" AS e WHERE e."Id" = NEW."Id";
END;

CREATE TRIGGER "EventSearch_EventUpdated" AFTER UPDATE OF "Title", "Summary" ON "Events" BEGIN
    DELETE FROM "EventSearch" WHERE rowid = OLD."Id";
    INSERT INTO "EventSearch" (rowid, "Title", "Summary", "Quotes")
    SELECT e."Id", e."Title", coalesce(e."Summary", ''),
           coalesce((SELECT group_concat(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), '')
    FROM "Events" AS e WHERE e."Id" = NEW."Id";
END;

CREATE TRIGGER "EventSearch_EventDeleted" AFTER DELETE ON "Events" BEGIN
    DELETE FROM "EventSearch" WHERE rowid = OLD."Id";
END;

CREATE TRIGGER "EventSearch_MentionInserted" AFTER INSERT ON "Mentions" WHEN NEW."TimelineEventId" IS NOT NULL BEGIN
    DELETE FROM "EventSearch" WHERE rowid = NEW."TimelineEventId";
    INSERT INTO "EventSearch" (rowid, "Title", "Summary", "Quotes")
    SELECT e."Id", e."Title", coalesce(e."Summary", ''),
           coalesce((SELECT group_concat(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), '')
    FROM "Events" AS e WHERE e."Id" = NEW."TimelineEventId";
END;

CREATE TRIGGER "EventSearch_MentionUpdated" AFTER UPDATE ON "Mentions"
WHEN OLD."TimelineEventId" IS NOT NULL OR NEW."TimelineEventId" IS NOT NULL BEGIN
    DELETE FROM "EventSearch" WHERE rowid IN (OLD."TimelineEventId", NEW."TimelineEventId");
    INSERT INTO "EventSearch" (rowid, "Title", "Summary", "Quotes")
    SELECT e."Id", e."Title", coalesce(e."Summary", ''),
           coalesce((SELECT group_concat(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), '')
    FROM "Events" AS e WHERE e."Id" IN (OLD."TimelineEventId", NEW."TimelineEventId");
END;

CREATE TRIGGER "EventSearch_MentionDeleted" AFTER DELETE ON "Mentions" WHEN OLD."TimelineEventId" IS NOT NULL BEGIN
    DELETE FROM "EventSearch" WHERE rowid = OLD."TimelineEventId";
    INSERT INTO "EventSearch" (rowid, "Title", "Summary", "Quotes")
    SELECT e."Id", e."Title", coalesce(e."Summary", ''),
           coalesce((SELECT group_concat(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), '')
    FROM "Events" AS e WHERE e."Id" = OLD."TimelineEventId";
END;
