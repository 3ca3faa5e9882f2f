using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IndustryTracker.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Mentions_ExactlyOneSubject",
                table: "Mentions");

            migrationBuilder.AddColumn<int>(
                name: "ValuationId",
                table: "Mentions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Confidence",
                table: "Investments",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmedAt",
                table: "Investments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "Investments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Investments",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportRule",
                table: "Investments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ListingStatus",
                table: "Investments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Confidence",
                table: "Events",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmedAt",
                table: "Events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "Events",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Events",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportRule",
                table: "Events",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RejectedFacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Rule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FactKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RejectedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RejectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectedFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Valuations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AmountAsReported = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountIsLowerBound = table.Column<bool>(type: "boolean", nullable: false),
                    AmountUsd = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    UsdIsReported = table.Column<bool>(type: "boolean", nullable: false),
                    FxRate = table.Column<decimal>(type: "numeric(18,8)", precision: 18, scale: 8, nullable: true),
                    FxRateDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FxRateSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DateLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DateStart = table.Column<DateOnly>(type: "date", nullable: true),
                    DateEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    DatePrecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ImportRule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ImportKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Confidence = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_Mentions_ValuationId",
                table: "Mentions",
                column: "ValuationId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Mentions_ExactlyOneSubject",
                table: "Mentions",
                sql: "(CASE WHEN \"CompanyId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"AiModelId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"InvestmentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"TimelineEventId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ValuationId\" IS NULL THEN 0 ELSE 1 END) = 1");

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

            migrationBuilder.AddForeignKey(
                name: "FK_Mentions_Valuations_ValuationId",
                table: "Mentions",
                column: "ValuationId",
                principalTable: "Valuations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            // Facts an editor wrote count as confirmed by that editor.
            migrationBuilder.Sql("""UPDATE "Events" SET "ConfirmedAt" = "UpdatedAt", "ConfirmedBy" = coalesce("UpdatedBy", "CreatedBy", 'editor') WHERE "Origin" = 'Editor';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Mentions_Valuations_ValuationId",
                table: "Mentions");

            migrationBuilder.DropTable(
                name: "RejectedFacts");

            migrationBuilder.DropTable(
                name: "Valuations");

            migrationBuilder.DropIndex(
                name: "IX_Mentions_ValuationId",
                table: "Mentions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Mentions_ExactlyOneSubject",
                table: "Mentions");

            migrationBuilder.DropColumn(
                name: "ValuationId",
                table: "Mentions");

            migrationBuilder.DropColumn(
                name: "Confidence",
                table: "Investments");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "Investments");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "Investments");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Investments");

            migrationBuilder.DropColumn(
                name: "ImportRule",
                table: "Investments");

            migrationBuilder.DropColumn(
                name: "ListingStatus",
                table: "Investments");

            migrationBuilder.DropColumn(
                name: "Confidence",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ImportRule",
                table: "Events");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Mentions_ExactlyOneSubject",
                table: "Mentions",
                sql: "(CASE WHEN \"CompanyId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"AiModelId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"InvestmentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"TimelineEventId\" IS NULL THEN 0 ELSE 1 END) = 1");
        }
    }
}
