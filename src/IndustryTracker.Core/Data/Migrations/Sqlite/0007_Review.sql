-- Review (issue 9): valuations as a fact type, where each imported fact came from (rule, stable key, confidence),
-- who confirmed it, and rejected facts remembered so a re-import never writes them back. Mentions gain a
-- "ValuationId" and the one-subject check counts it: SQLite cannot change a CHECK constraint, so "Mentions" is
-- rebuilt (copied into a new table) and the full-text search triggers of 0003_Search, which read it, are recreated.

CREATE TABLE "Valuations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Valuations" PRIMARY KEY AUTOINCREMENT,
    "CompanyId" INTEGER NOT NULL,
    "Amount" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "AmountAsReported" TEXT NOT NULL,
    "AmountIsLowerBound" INTEGER NOT NULL,
    "AmountUsd" TEXT NULL,
    "UsdIsReported" INTEGER NOT NULL,
    "FxRate" TEXT NULL,
    "FxRateDate" TEXT NULL,
    "FxRateSource" TEXT NULL,
    "DateLabel" TEXT NULL,
    "DateStart" TEXT NULL,
    "DateEnd" TEXT NULL,
    "DatePrecision" TEXT NULL,
    "ImportRule" TEXT NULL,
    "ImportKey" TEXT NULL,
    "Confidence" TEXT NULL,
    "ConfirmedAt" TEXT NULL,
    "ConfirmedBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Valuations_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Valuations_CompanyId" ON "Valuations" ("CompanyId");
CREATE INDEX "IX_Valuations_DateStart_DateEnd" ON "Valuations" ("DateStart", "DateEnd");

CREATE TABLE "RejectedFacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RejectedFacts" PRIMARY KEY AUTOINCREMENT,
    "ArticleSha256" TEXT NOT NULL,
    "Rule" TEXT NOT NULL,
    "FactKey" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Quote" TEXT NOT NULL,
    "RejectedBy" TEXT NOT NULL,
    "RejectedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_RejectedFacts_ArticleSha256_Rule_FactKey" ON "RejectedFacts" ("ArticleSha256", "Rule", "FactKey");

ALTER TABLE "Events" ADD COLUMN "ImportRule" TEXT NULL;
ALTER TABLE "Events" ADD COLUMN "ImportKey" TEXT NULL;
ALTER TABLE "Events" ADD COLUMN "Confidence" TEXT NULL;
ALTER TABLE "Events" ADD COLUMN "ConfirmedAt" TEXT NULL;
ALTER TABLE "Events" ADD COLUMN "ConfirmedBy" TEXT NULL;
ALTER TABLE "Investments" ADD COLUMN "ImportRule" TEXT NULL;
ALTER TABLE "Investments" ADD COLUMN "ImportKey" TEXT NULL;
ALTER TABLE "Investments" ADD COLUMN "Confidence" TEXT NULL;
ALTER TABLE "Investments" ADD COLUMN "ConfirmedAt" TEXT NULL;
ALTER TABLE "Investments" ADD COLUMN "ConfirmedBy" TEXT NULL;
ALTER TABLE "Investments" ADD COLUMN "ListingStatus" TEXT NULL;

-- Facts an editor wrote count as confirmed by that editor.
UPDATE "Events" SET "ConfirmedAt" = "UpdatedAt", "ConfirmedBy" = coalesce("UpdatedBy", "CreatedBy", 'editor') WHERE "Origin" = 'Editor';

DROP TRIGGER "EventSearch_EventInserted";
DROP TRIGGER "EventSearch_EventUpdated";
DROP TRIGGER "EventSearch_EventDeleted";
DROP TRIGGER "EventSearch_MentionInserted";
DROP TRIGGER "EventSearch_MentionUpdated";
DROP TRIGGER "EventSearch_MentionDeleted";

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

-- The search triggers of 0003_Search, unchanged.
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
