namespace IndustryTracker.Migrations.Sqlite.Migrations;

/// <summary>
/// The hand-written part of the SearchDeferral migration on SQLite. A write that adds many quotes to one event (a long
/// article) rebuilt the event's search row once per quote, each time from all its quotes: quadratic in the quotes.
/// While a row in "EventSearchDeferrals" is visible — only to the transaction that inserted it, as it is never committed —
/// the mention triggers only note the event in "EventSearchStale"; the transaction rebuilds each noted event once
/// before it commits (IndustryTracker.Core.Queries.SearchDeferral). Without that row they rebuild as before.
/// </summary>
internal static class SearchDeferralTriggers
{
    private const string Rebuild = """
        INSERT INTO "EventSearch" (rowid, "Title", "Summary", "Quotes")
            SELECT e."Id", e."Title", coalesce(e."Summary", ''),
                   coalesce((SELECT group_concat(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), '')
            FROM "Events" AS e
        """;

    private const string Deferred = """EXISTS (SELECT 1 FROM "EventSearchDeferrals")""";

    public const string Up = $"""
        CREATE TABLE "EventSearchDeferrals" ("TransactionId" INTEGER NOT NULL CONSTRAINT "PK_EventSearchDeferrals" PRIMARY KEY);
        CREATE TABLE "EventSearchStale" ("EventId" INTEGER NOT NULL CONSTRAINT "PK_EventSearchStale" PRIMARY KEY);

        DROP TRIGGER "EventSearch_MentionInserted";
        DROP TRIGGER "EventSearch_MentionUpdated";
        DROP TRIGGER "EventSearch_MentionDeleted";

        CREATE TRIGGER "EventSearch_MentionInserted" AFTER INSERT ON "Mentions"
        WHEN NEW."TimelineEventId" IS NOT NULL AND NOT {Deferred} BEGIN
            DELETE FROM "EventSearch" WHERE rowid = NEW."TimelineEventId";
            {Rebuild} WHERE e."Id" = NEW."TimelineEventId";
        END;

        CREATE TRIGGER "EventSearch_MentionUpdated" AFTER UPDATE ON "Mentions"
        WHEN (OLD."TimelineEventId" IS NOT NULL OR NEW."TimelineEventId" IS NOT NULL) AND NOT {Deferred} BEGIN
            DELETE FROM "EventSearch" WHERE rowid IN (OLD."TimelineEventId", NEW."TimelineEventId");
            {Rebuild} WHERE e."Id" IN (OLD."TimelineEventId", NEW."TimelineEventId");
        END;

        CREATE TRIGGER "EventSearch_MentionDeleted" AFTER DELETE ON "Mentions"
        WHEN OLD."TimelineEventId" IS NOT NULL AND NOT {Deferred} BEGIN
            DELETE FROM "EventSearch" WHERE rowid = OLD."TimelineEventId";
            {Rebuild} WHERE e."Id" = OLD."TimelineEventId";
        END;

        CREATE TRIGGER "EventSearch_MentionInsertedDeferred" AFTER INSERT ON "Mentions"
        WHEN NEW."TimelineEventId" IS NOT NULL AND {Deferred} BEGIN
            INSERT OR IGNORE INTO "EventSearchStale" ("EventId") VALUES (NEW."TimelineEventId");
        END;

        CREATE TRIGGER "EventSearch_MentionUpdatedDeferred" AFTER UPDATE ON "Mentions"
        WHEN (OLD."TimelineEventId" IS NOT NULL OR NEW."TimelineEventId" IS NOT NULL) AND {Deferred} BEGIN
            INSERT OR IGNORE INTO "EventSearchStale" ("EventId")
                SELECT id FROM (SELECT OLD."TimelineEventId" AS id UNION SELECT NEW."TimelineEventId") WHERE id IS NOT NULL;
        END;

        CREATE TRIGGER "EventSearch_MentionDeletedDeferred" AFTER DELETE ON "Mentions"
        WHEN OLD."TimelineEventId" IS NOT NULL AND {Deferred} BEGIN
            INSERT OR IGNORE INTO "EventSearchStale" ("EventId") VALUES (OLD."TimelineEventId");
        END;
        """;

    public const string Down = $"""
        DROP TRIGGER "EventSearch_MentionInsertedDeferred";
        DROP TRIGGER "EventSearch_MentionUpdatedDeferred";
        DROP TRIGGER "EventSearch_MentionDeletedDeferred";
        DROP TRIGGER "EventSearch_MentionInserted";
        DROP TRIGGER "EventSearch_MentionUpdated";
        DROP TRIGGER "EventSearch_MentionDeleted";

        CREATE TRIGGER "EventSearch_MentionInserted" AFTER INSERT ON "Mentions" WHEN NEW."TimelineEventId" IS NOT NULL BEGIN
            DELETE FROM "EventSearch" WHERE rowid = NEW."TimelineEventId";
            {Rebuild} WHERE e."Id" = NEW."TimelineEventId";
        END;

        CREATE TRIGGER "EventSearch_MentionUpdated" AFTER UPDATE ON "Mentions"
        WHEN OLD."TimelineEventId" IS NOT NULL OR NEW."TimelineEventId" IS NOT NULL BEGIN
            DELETE FROM "EventSearch" WHERE rowid IN (OLD."TimelineEventId", NEW."TimelineEventId");
            {Rebuild} WHERE e."Id" IN (OLD."TimelineEventId", NEW."TimelineEventId");
        END;

        CREATE TRIGGER "EventSearch_MentionDeleted" AFTER DELETE ON "Mentions" WHEN OLD."TimelineEventId" IS NOT NULL BEGIN
            DELETE FROM "EventSearch" WHERE rowid = OLD."TimelineEventId";
            {Rebuild} WHERE e."Id" = OLD."TimelineEventId";
        END;

        DROP TABLE "EventSearchStale";
        DROP TABLE "EventSearchDeferrals";
        """;
}
