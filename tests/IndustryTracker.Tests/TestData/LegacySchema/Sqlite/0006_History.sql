-- History and company merges: one row per changed field (HistoryEntries) and a snapshot per merge (CompanyMerges).
-- No foreign keys: history outlives the records it describes. See docs/adr/0007-history-and-merges.md.
CREATE TABLE "CompanyMerges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CompanyMerges" PRIMARY KEY AUTOINCREMENT,
    "SurvivorId" INTEGER NOT NULL,
    "SurvivorName" TEXT NOT NULL,
    "DuplicateId" INTEGER NOT NULL,
    "DuplicateName" TEXT NOT NULL,
    "DuplicateSlug" TEXT NOT NULL,
    "Snapshot" TEXT NOT NULL,
    "MergedBy" TEXT NOT NULL,
    "MergedAt" TEXT NOT NULL,
    "UndoneBy" TEXT NULL,
    "UndoneAt" TEXT NULL
);

CREATE TABLE "HistoryEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HistoryEntries" PRIMARY KEY AUTOINCREMENT,
    "ChangeSetId" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" INTEGER NOT NULL,
    "EntityLabel" TEXT NOT NULL,
    "Field" TEXT NOT NULL,
    "OldValue" TEXT NULL,
    "NewValue" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "MergeId" INTEGER NULL
);

CREATE INDEX "IX_HistoryEntries_ChangeSetId" ON "HistoryEntries" ("ChangeSetId");
CREATE INDEX "IX_HistoryEntries_EntityType_EntityId" ON "HistoryEntries" ("EntityType", "EntityId");
