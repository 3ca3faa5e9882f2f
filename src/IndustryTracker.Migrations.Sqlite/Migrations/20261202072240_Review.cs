using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IndustryTracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {


            migrationBuilder.AddColumn<string>(
                name: "Confidence",
                table: "Investments",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmedAt",
                table: "Investments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "Investments",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Investments",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportRule",
                table: "Investments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ListingStatus",
                table: "Investments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Confidence",
                table: "Events",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmedAt",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "Events",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Events",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportRule",
                table: "Events",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RejectedFacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleSha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FactKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RejectedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RejectedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectedFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Valuations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AmountAsReported = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountIsLowerBound = table.Column<bool>(type: "INTEGER", nullable: false),
                    AmountUsd = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: true),
                    UsdIsReported = table.Column<bool>(type: "INTEGER", nullable: false),
                    FxRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 8, nullable: true),
                    FxRateDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FxRateSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DateStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ImportRule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ImportKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Valuations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Valuations_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });



            migrationBuilder.CreateIndex(
                name: "IX_RejectedFacts_ArticleSha256_Rule_FactKey",
                table: "RejectedFacts",
                columns: new[] { "ArticleSha256", "Rule", "FactKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Valuations_CompanyId",
                table: "Valuations",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Valuations_DateStart_DateEnd",
                table: "Valuations",
                columns: new[] { "DateStart", "DateEnd" });


            // Mentions gain "ValuationId" and the one-subject check counts it. SQLite cannot change a CHECK constraint,
            // so the table is rebuilt here by hand, inside the migration's transaction (EF's own rebuild would switch
            // foreign keys off outside any transaction and drop the search triggers that read the table).
            migrationBuilder.Sql(ReviewMentions.Up);
            migrationBuilder.Sql(ReviewMentions.ConfirmEditorFacts);
        }

protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReviewMentions.Down);

            migrationBuilder.DropTable(
                name: "RejectedFacts");

            migrationBuilder.DropTable(
                name: "Valuations");

            // SQLite's own DROP COLUMN (3.35+) instead of EF's table rebuild, which would drop the search triggers.
            migrationBuilder.Sql("""
                ALTER TABLE "Investments" DROP COLUMN "Confidence";
                ALTER TABLE "Investments" DROP COLUMN "ConfirmedAt";
                ALTER TABLE "Investments" DROP COLUMN "ConfirmedBy";
                ALTER TABLE "Investments" DROP COLUMN "ImportKey";
                ALTER TABLE "Investments" DROP COLUMN "ImportRule";
                ALTER TABLE "Investments" DROP COLUMN "ListingStatus";
                ALTER TABLE "Events" DROP COLUMN "Confidence";
                ALTER TABLE "Events" DROP COLUMN "ConfirmedAt";
                ALTER TABLE "Events" DROP COLUMN "ConfirmedBy";
                ALTER TABLE "Events" DROP COLUMN "ImportKey";
                ALTER TABLE "Events" DROP COLUMN "ImportRule";
                """);











        }
    }
}
