namespace IndustryTracker.Migrations.Postgres.Migrations;

/// <summary>
/// The hand-written part of the EventLinkDates migration on PostgreSQL. "EventCompanies" and "EventModels" carry a copy
/// of their event's date range, so that a company's or model's events in a date window are one range of the link
/// table's covering index instead of a lookup of every linked event. The app never writes the copy: these triggers
/// fill it when a link is inserted (the app inserts NULL) or moved to another event, and rewrite it whenever an event's
/// dates change, whoever writes (EF Core, SQL, the dataset generator).
/// </summary>
internal static class EventLinkDatesTriggers
{
    private static string CopyOnLink(string table) => $"""
        CREATE TRIGGER "{table}_Dates" BEFORE INSERT OR UPDATE OF "EventId" ON "{table}"
            FOR EACH ROW EXECUTE FUNCTION "EventLinks_CopyDates"();

        UPDATE "{table}" AS l SET "EventStart" = e."DateStart", "EventEnd" = e."DateEnd" FROM "Events" AS e WHERE e."Id" = l."EventId";
        """;

    public static readonly string Up = $"""
        CREATE FUNCTION "EventLinks_CopyDates"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            SELECT e."DateStart", e."DateEnd" INTO NEW."EventStart", NEW."EventEnd" FROM "Events" AS e WHERE e."Id" = NEW."EventId";
            RETURN NEW;
        END;
        $$;

        CREATE FUNCTION "Events_CopyDatesToLinks"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "EventCompanies" SET "EventStart" = NEW."DateStart", "EventEnd" = NEW."DateEnd" WHERE "EventId" = NEW."Id";
            UPDATE "EventModels" SET "EventStart" = NEW."DateStart", "EventEnd" = NEW."DateEnd" WHERE "EventId" = NEW."Id";
            RETURN NULL;
        END;
        $$;

        {CopyOnLink("EventCompanies")}

        {CopyOnLink("EventModels")}

        CREATE TRIGGER "Events_LinkDates" AFTER UPDATE OF "DateStart", "DateEnd" ON "Events" FOR EACH ROW
            WHEN (NEW."DateStart" IS DISTINCT FROM OLD."DateStart" OR NEW."DateEnd" IS DISTINCT FROM OLD."DateEnd")
            EXECUTE FUNCTION "Events_CopyDatesToLinks"();
        """;

    public const string Down = """
        DROP TRIGGER "Events_LinkDates" ON "Events";
        DROP TRIGGER "EventModels_Dates" ON "EventModels";
        DROP TRIGGER "EventCompanies_Dates" ON "EventCompanies";
        DROP FUNCTION "Events_CopyDatesToLinks"();
        DROP FUNCTION "EventLinks_CopyDates"();
        """;
}
