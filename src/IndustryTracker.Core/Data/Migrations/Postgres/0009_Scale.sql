-- Scale (issue 12): every timeline filter is an index lookup. Partial indexes over live events (the soft-delete
-- query filter "DeletedAt" IS NULL): timeline order for unfiltered pages and counts, the end of the date range for
-- from= windows, and the category. The join tables get covering (company or model, event) indexes, which replace
-- the single-column foreign-key indexes. See docs/benchmarks.md.
CREATE INDEX "IX_Events_Live_DateStart_DateEnd_Id" ON "Events" ("DateStart", "DateEnd", "Id") WHERE "DeletedAt" IS NULL;
CREATE INDEX "IX_Events_Live_DateEnd_DateStart" ON "Events" ("DateEnd", "DateStart") WHERE "DeletedAt" IS NULL;
CREATE INDEX "IX_Events_Live_Category" ON "Events" ("Category") WHERE "DeletedAt" IS NULL;

CREATE INDEX "IX_EventCompanies_CompanyId_EventId" ON "EventCompanies" ("CompanyId", "EventId");
DROP INDEX "IX_EventCompanies_CompanyId";
CREATE INDEX "IX_EventModels_AiModelId_EventId" ON "EventModels" ("AiModelId", "EventId");
DROP INDEX "IX_EventModels_AiModelId";
