using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IndustryTracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EventLinkDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventModels_AiModelId_EventId",
                table: "EventModels");

            migrationBuilder.DropIndex(
                name: "IX_EventCompanies_CompanyId_EventId",
                table: "EventCompanies");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EventEnd",
                table: "EventModels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EventStart",
                table: "EventModels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EventEnd",
                table: "EventCompanies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EventStart",
                table: "EventCompanies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql(EventLinkDatesTriggers.Up);

            migrationBuilder.CreateIndex(
                name: "IX_EventModels_AiModelId_EventStart_EventEnd_EventId",
                table: "EventModels",
                columns: new[] { "AiModelId", "EventStart", "EventEnd", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_EventCompanies_CompanyId_EventStart_EventEnd_EventId",
                table: "EventCompanies",
                columns: new[] { "CompanyId", "EventStart", "EventEnd", "EventId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(EventLinkDatesTriggers.Down);

            migrationBuilder.DropIndex(
                name: "IX_EventModels_AiModelId_EventStart_EventEnd_EventId",
                table: "EventModels");

            migrationBuilder.DropIndex(
                name: "IX_EventCompanies_CompanyId_EventStart_EventEnd_EventId",
                table: "EventCompanies");

            migrationBuilder.DropColumn(
                name: "EventEnd",
                table: "EventModels");

            migrationBuilder.DropColumn(
                name: "EventStart",
                table: "EventModels");

            migrationBuilder.DropColumn(
                name: "EventEnd",
                table: "EventCompanies");

            migrationBuilder.DropColumn(
                name: "EventStart",
                table: "EventCompanies");

            migrationBuilder.CreateIndex(
                name: "IX_EventModels_AiModelId_EventId",
                table: "EventModels",
                columns: new[] { "AiModelId", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_EventCompanies_CompanyId_EventId",
                table: "EventCompanies",
                columns: new[] { "CompanyId", "EventId" });
        }
    }
}
