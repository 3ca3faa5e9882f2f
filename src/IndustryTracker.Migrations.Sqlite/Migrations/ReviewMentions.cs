namespace IndustryTracker.Migrations.Sqlite.Migrations;

/// <summary>
/// The hand-written part of the Review migration on SQLite: "Mentions" rebuilt with "ValuationId" and a one-subject
/// check that counts it. The search triggers (Initial) read "Mentions", so they are dropped first and created again
/// after the rename, all inside the migration's transaction.
/// </summary>
internal static class ReviewMentions
{
    private const string DropSearchTriggers = """
        DROP TRIGGER "EventSearch_EventInserted";
        DROP TRIGGER "EventSearch_EventUpdated";
        DROP TRIGGER "EventSearch_EventDeleted";
        DROP TRIGGER "EventSearch_MentionInserted";
        DROP TRIGGER "EventSearch_MentionUpdated";
        DROP TRIGGER "EventSearch_MentionDeleted";
        """;

    private const string CreateSearchTriggers = """
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
        """;

    public const string Up = DropSearchTriggers + "\n" + """
        CREATE TABLE "Mentions_new" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Mentions" PRIMARY KEY AUTOINCREMENT,
            "ArticleId" INTEGER NOT NULL,
            "Paragraph" INTEGER NOT NULL,
            "Quote" TEXT NOT NULL,
            "CompanyId" INTEGER NULL,
            "AiModelId" INTEGER NULL,
            "InvestmentId" INTEGER NULL,
            "TimelineEventId" INTEGER NULL,
            "ValuationId" INTEGER NULL,
            CONSTRAINT "CK_Mentions_ExactlyOneSubject" CHECK ((CASE WHEN "CompanyId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "AiModelId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "InvestmentId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "TimelineEventId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "ValuationId" IS NULL THEN 0 ELSE 1 END) = 1),
            CONSTRAINT "FK_Mentions_AiModels_AiModelId" FOREIGN KEY ("AiModelId") REFERENCES "AiModels" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Mentions_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Mentions_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Mentions_Events_TimelineEventId" FOREIGN KEY ("TimelineEventId") REFERENCES "Events" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Mentions_Investments_InvestmentId" FOREIGN KEY ("InvestmentId") REFERENCES "Investments" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Mentions_Valuations_ValuationId" FOREIGN KEY ("ValuationId") REFERENCES "Valuations" ("Id") ON DELETE CASCADE
        );

        INSERT INTO "Mentions_new" ("Id", "ArticleId", "Paragraph", "Quote", "CompanyId", "AiModelId", "InvestmentId", "TimelineEventId")
        SELECT "Id", "ArticleId", "Paragraph", "Quote", "CompanyId", "AiModelId", "InvestmentId", "TimelineEventId" FROM "Mentions";
        DROP TABLE "Mentions";
        ALTER TABLE "Mentions_new" RENAME TO "Mentions";
        CREATE INDEX "IX_Mentions_AiModelId" ON "Mentions" ("AiModelId");
        CREATE INDEX "IX_Mentions_ArticleId" ON "Mentions" ("ArticleId");
        CREATE INDEX "IX_Mentions_CompanyId" ON "Mentions" ("CompanyId");
        CREATE INDEX "IX_Mentions_InvestmentId" ON "Mentions" ("InvestmentId");
        CREATE INDEX "IX_Mentions_TimelineEventId" ON "Mentions" ("TimelineEventId");
        CREATE INDEX "IX_Mentions_ValuationId" ON "Mentions" ("ValuationId");
        """ + "\n" + CreateSearchTriggers;

    public const string Down = DropSearchTriggers + "\n" + """
        CREATE TABLE "Mentions_new" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Mentions" PRIMARY KEY AUTOINCREMENT,
            "ArticleId" INTEGER NOT NULL,
            "Paragraph" INTEGER NOT NULL,
            "Quote" TEXT NOT NULL,
            "CompanyId" INTEGER NULL,
            "AiModelId" INTEGER NULL,
            "InvestmentId" INTEGER NULL,
            "TimelineEventId" INTEGER NULL,
            CONSTRAINT "CK_Mentions_ExactlyOneSubject" CHECK ((CASE WHEN "CompanyId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "AiModelId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "InvestmentId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "TimelineEventId" IS NULL THEN 0 ELSE 1 END) = 1),
            CONSTRAINT "FK_Mentions_AiModels_AiModelId" FOREIGN KEY ("AiModelId") REFERENCES "AiModels" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Mentions_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Mentions_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Mentions_Events_TimelineEventId" FOREIGN KEY ("TimelineEventId") REFERENCES "Events" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Mentions_Investments_InvestmentId" FOREIGN KEY ("InvestmentId") REFERENCES "Investments" ("Id") ON DELETE CASCADE
        );

        INSERT INTO "Mentions_new" ("Id", "ArticleId", "Paragraph", "Quote", "CompanyId", "AiModelId", "InvestmentId", "TimelineEventId")
        SELECT "Id", "ArticleId", "Paragraph", "Quote", "CompanyId", "AiModelId", "InvestmentId", "TimelineEventId" FROM "Mentions" WHERE "ValuationId" IS NULL;
        DROP TABLE "Mentions";
        ALTER TABLE "Mentions_new" RENAME TO "Mentions";
        CREATE INDEX "IX_Mentions_AiModelId" ON "Mentions" ("AiModelId");
        CREATE INDEX "IX_Mentions_ArticleId" ON "Mentions" ("ArticleId");
        CREATE INDEX "IX_Mentions_CompanyId" ON "Mentions" ("CompanyId");
        CREATE INDEX "IX_Mentions_InvestmentId" ON "Mentions" ("InvestmentId");
        CREATE INDEX "IX_Mentions_TimelineEventId" ON "Mentions" ("TimelineEventId");
        """ + "\n" + CreateSearchTriggers;

    /// <summary>Facts an editor wrote count as confirmed by that editor.</summary>
    public const string ConfirmEditorFacts = """
        UPDATE "Events" SET "ConfirmedAt" = "UpdatedAt", "ConfirmedBy" = coalesce("UpdatedBy", "CreatedBy", 'editor') WHERE "Origin" = 'Editor';
        """;
}
