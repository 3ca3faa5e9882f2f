namespace IndustryTracker.Migrations.Postgres.Migrations;

/// <summary>
/// The hand-written part of the SearchDeferral migration on PostgreSQL. A write that adds many quotes to one event (a
/// long article) rebuilt the event's search document once per quote, each time from all its quotes: quadratic in the
/// quotes. While a row in "EventSearchDeferrals" is visible — only to the transaction that inserted it, as it is never
/// committed — the mention trigger only notes the event in "EventSearchStale"; the transaction rebuilds each noted
/// event once before it commits (IndustryTracker.Core.Queries.SearchDeferral). Without that row it rebuilds as before.
/// The row is keyed by the transaction's id, so concurrent imports don't wait for each other's deferral.
/// </summary>
internal static class SearchDeferralTriggers
{
    public const string Up = """
        CREATE TABLE "EventSearchDeferrals" ("TransactionId" bigint NOT NULL CONSTRAINT "PK_EventSearchDeferrals" PRIMARY KEY);
        CREATE TABLE "EventSearchStale" ("EventId" integer NOT NULL CONSTRAINT "PK_EventSearchStale" PRIMARY KEY);

        CREATE OR REPLACE FUNCTION "EventSearch_MentionChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            deferred boolean := EXISTS (SELECT 1 FROM "EventSearchDeferrals");
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."TimelineEventId" IS NOT NULL THEN
                IF deferred THEN
                    INSERT INTO "EventSearchStale" ("EventId") VALUES (OLD."TimelineEventId") ON CONFLICT DO NOTHING;
                ELSE
                    PERFORM "EventSearch_Refresh"(OLD."TimelineEventId");
                END IF;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."TimelineEventId" IS NOT NULL THEN
                IF deferred THEN
                    INSERT INTO "EventSearchStale" ("EventId") VALUES (NEW."TimelineEventId") ON CONFLICT DO NOTHING;
                ELSE
                    PERFORM "EventSearch_Refresh"(NEW."TimelineEventId");
                END IF;
            END IF;
            RETURN NULL;
        END;
        $$;
        """;

    public const string Down = """
        CREATE OR REPLACE FUNCTION "EventSearch_MentionChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
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

        DROP TABLE "EventSearchStale";
        DROP TABLE "EventSearchDeferrals";
        """;
}
