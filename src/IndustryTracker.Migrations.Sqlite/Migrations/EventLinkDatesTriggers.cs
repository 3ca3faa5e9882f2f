namespace IndustryTracker.Migrations.Sqlite.Migrations;

/// <summary>
/// The hand-written part of the EventLinkDates migration on SQLite. "EventCompanies" and "EventModels" carry a copy of
/// their event's date range, so that a company's or model's events in a date window are one range of the link table's
/// covering index instead of a lookup of every linked event (about 6,000 for the busiest company at 100k events). The
/// app never writes the copy: these triggers fill it when a link is inserted (the app inserts NULL) or moved to another
/// event, and rewrite it whenever an event's dates change, whoever writes (EF Core, SQL, the dataset generator).
/// </summary>
internal static class EventLinkDatesTriggers
{
    private static string CopyOnLink(string table, string other) => $"""
        CREATE TRIGGER "{table}_DatesOnInsert" AFTER INSERT ON "{table}" BEGIN
            UPDATE "{table}" SET ("EventStart", "EventEnd") = (SELECT "DateStart", "DateEnd" FROM "Events" WHERE "Id" = NEW."EventId")
            WHERE "EventId" = NEW."EventId" AND "{other}" = NEW."{other}";
        END;

        CREATE TRIGGER "{table}_DatesOnMove" AFTER UPDATE OF "EventId" ON "{table}" BEGIN
            UPDATE "{table}" SET ("EventStart", "EventEnd") = (SELECT "DateStart", "DateEnd" FROM "Events" WHERE "Id" = NEW."EventId")
            WHERE "EventId" = NEW."EventId" AND "{other}" = NEW."{other}";
        END;

        UPDATE "{table}" SET ("EventStart", "EventEnd") = (SELECT "DateStart", "DateEnd" FROM "Events" WHERE "Id" = "{table}"."EventId");
        """;

    public static readonly string Up = $"""
        {CopyOnLink("EventCompanies", "CompanyId")}

        {CopyOnLink("EventModels", "AiModelId")}

        CREATE TRIGGER "Events_LinkDates" AFTER UPDATE OF "DateStart", "DateEnd" ON "Events"
        WHEN NEW."DateStart" IS NOT OLD."DateStart" OR NEW."DateEnd" IS NOT OLD."DateEnd" BEGIN
            UPDATE "EventCompanies" SET "EventStart" = NEW."DateStart", "EventEnd" = NEW."DateEnd" WHERE "EventId" = NEW."Id";
            UPDATE "EventModels" SET "EventStart" = NEW."DateStart", "EventEnd" = NEW."DateEnd" WHERE "EventId" = NEW."Id";
        END;
        """;

    public const string Down = """
        DROP TRIGGER "Events_LinkDates";
        DROP TRIGGER "EventModels_DatesOnMove";
        DROP TRIGGER "EventModels_DatesOnInsert";
        DROP TRIGGER "EventCompanies_DatesOnMove";
        DROP TRIGGER "EventCompanies_DatesOnInsert";
        """;
}
