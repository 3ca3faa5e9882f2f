namespace IndustryTracker.Migrations.Sqlite.Migrations;

/// <summary>
/// The hand-written part of the ImportFacts migration on SQLite. Adding "Events"."IsPlanned" is a plain ALTER TABLE;
/// removing it must be one too: EF's DropColumn rebuilds the table, which would drop the EventSearch triggers (Initial).
/// SQLite's own DROP COLUMN (3.35+) keeps them, as no trigger reads the column.
/// </summary>
internal static class ImportFactsEvents
{
    public const string DropIsPlanned = """ALTER TABLE "Events" DROP COLUMN "IsPlanned";""";
}
