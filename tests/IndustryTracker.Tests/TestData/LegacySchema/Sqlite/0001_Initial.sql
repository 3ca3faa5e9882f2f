CREATE TABLE "Articles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Articles" PRIMARY KEY AUTOINCREMENT,
    "FileName" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Publisher" TEXT NULL,
    "Author" TEXT NULL,
    "Url" TEXT NULL,
    "PublishedOn" TEXT NULL,
    "Sha256" TEXT NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "CleanText" TEXT NOT NULL
);


CREATE TABLE "Companies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Companies" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "NameKey" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Country" TEXT NULL,
    "HeadquartersCity" TEXT NULL,
    "FoundedLabel" TEXT NULL,
    "FoundedStart" TEXT NULL,
    "FoundedEnd" TEXT NULL,
    "FoundedPrecision" TEXT NULL,
    "Summary" TEXT NULL,
    "ParentId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Companies_Companies_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Companies" ("Id") ON DELETE SET NULL
);


CREATE TABLE "ArticleParagraphs" (
    "ArticleId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "PK_ArticleParagraphs" PRIMARY KEY ("ArticleId", "Number"),
    CONSTRAINT "FK_ArticleParagraphs_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AiModels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AiModels" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "DeveloperId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Accessibility" TEXT NOT NULL,
    "ReleaseLabel" TEXT NULL,
    "ReleaseStart" TEXT NULL,
    "ReleaseEnd" TEXT NULL,
    "ReleasePrecision" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_AiModels_Companies_DeveloperId" FOREIGN KEY ("DeveloperId") REFERENCES "Companies" ("Id") ON DELETE SET NULL
);


CREATE TABLE "CompanyAliases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CompanyAliases" PRIMARY KEY AUTOINCREMENT,
    "CompanyId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "NameKey" TEXT NOT NULL,
    CONSTRAINT "FK_CompanyAliases_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Investments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Investments" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "RecipientId" INTEGER NULL,
    "RoundLabel" TEXT NULL,
    "Purpose" TEXT NULL,
    "Period" TEXT NULL,
    "Amount" TEXT NULL,
    "Currency" TEXT NULL,
    "AmountAsReported" TEXT NULL,
    "AmountIsLowerBound" INTEGER NULL,
    "AmountUsd" TEXT NULL,
    "UsdIsReported" INTEGER NOT NULL,
    "FxRate" TEXT NULL,
    "FxRateDate" TEXT NULL,
    "FxRateSource" TEXT NULL,
    "AnnouncedLabel" TEXT NULL,
    "AnnouncedStart" TEXT NULL,
    "AnnouncedEnd" TEXT NULL,
    "AnnouncedPrecision" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Investments_Companies_RecipientId" FOREIGN KEY ("RecipientId") REFERENCES "Companies" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "Category" TEXT NOT NULL,
    "DateLabel" TEXT NOT NULL,
    "DateStart" TEXT NOT NULL,
    "DateEnd" TEXT NOT NULL,
    "DatePrecision" TEXT NOT NULL,
    "Origin" TEXT NOT NULL,
    "InvestmentId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Events_Investments_InvestmentId" FOREIGN KEY ("InvestmentId") REFERENCES "Investments" ("Id") ON DELETE SET NULL
);


CREATE TABLE "InvestmentParticipants" (
    "InvestmentId" INTEGER NOT NULL,
    "CompanyId" INTEGER NOT NULL,
    "IsLead" INTEGER NOT NULL,
    CONSTRAINT "PK_InvestmentParticipants" PRIMARY KEY ("InvestmentId", "CompanyId"),
    CONSTRAINT "FK_InvestmentParticipants_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_InvestmentParticipants_Investments_InvestmentId" FOREIGN KEY ("InvestmentId") REFERENCES "Investments" ("Id") ON DELETE CASCADE
);


CREATE TABLE "EventCompanies" (
    "EventId" INTEGER NOT NULL,
    "CompanyId" INTEGER NOT NULL,
    CONSTRAINT "PK_EventCompanies" PRIMARY KEY ("EventId", "CompanyId"),
    CONSTRAINT "FK_EventCompanies_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EventCompanies_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE
);


CREATE TABLE "EventModels" (
    "EventId" INTEGER NOT NULL,
    "AiModelId" INTEGER NOT NULL,
    CONSTRAINT "PK_EventModels" PRIMARY KEY ("EventId", "AiModelId"),
    CONSTRAINT "FK_EventModels_AiModels_AiModelId" FOREIGN KEY ("AiModelId") REFERENCES "AiModels" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EventModels_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Mentions" (
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


CREATE INDEX "IX_AiModels_DeveloperId" ON "AiModels" ("DeveloperId");


CREATE INDEX "IX_AiModels_ReleaseStart_ReleaseEnd" ON "AiModels" ("ReleaseStart", "ReleaseEnd");


CREATE UNIQUE INDEX "IX_AiModels_Slug" ON "AiModels" ("Slug");


CREATE INDEX "IX_Articles_FileName" ON "Articles" ("FileName");


CREATE UNIQUE INDEX "IX_Articles_Sha256" ON "Articles" ("Sha256");


CREATE INDEX "IX_Companies_FoundedStart_FoundedEnd" ON "Companies" ("FoundedStart", "FoundedEnd");


CREATE INDEX "IX_Companies_NameKey" ON "Companies" ("NameKey");


CREATE INDEX "IX_Companies_ParentId" ON "Companies" ("ParentId");


CREATE UNIQUE INDEX "IX_Companies_Slug" ON "Companies" ("Slug");


CREATE UNIQUE INDEX "IX_CompanyAliases_CompanyId_NameKey" ON "CompanyAliases" ("CompanyId", "NameKey");


CREATE INDEX "IX_CompanyAliases_NameKey" ON "CompanyAliases" ("NameKey");


CREATE INDEX "IX_EventCompanies_CompanyId" ON "EventCompanies" ("CompanyId");


CREATE INDEX "IX_EventModels_AiModelId" ON "EventModels" ("AiModelId");


CREATE INDEX "IX_Events_DateStart_DateEnd" ON "Events" ("DateStart", "DateEnd");


CREATE INDEX "IX_Events_InvestmentId" ON "Events" ("InvestmentId");


CREATE INDEX "IX_InvestmentParticipants_CompanyId" ON "InvestmentParticipants" ("CompanyId");


CREATE INDEX "IX_Investments_AnnouncedStart_AnnouncedEnd" ON "Investments" ("AnnouncedStart", "AnnouncedEnd");


CREATE INDEX "IX_Investments_RecipientId" ON "Investments" ("RecipientId");


CREATE INDEX "IX_Mentions_AiModelId" ON "Mentions" ("AiModelId");


CREATE INDEX "IX_Mentions_ArticleId" ON "Mentions" ("ArticleId");


CREATE INDEX "IX_Mentions_CompanyId" ON "Mentions" ("CompanyId");


CREATE INDEX "IX_Mentions_InvestmentId" ON "Mentions" ("InvestmentId");


CREATE INDEX "IX_Mentions_TimelineEventId" ON "Mentions" ("TimelineEventId");


