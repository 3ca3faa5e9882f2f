using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IndustryTracker.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Scale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventModels_AiModelId",
                table: "EventModels");

            migrationBuilder.DropIndex(
                name: "IX_EventCompanies_CompanyId",
                table: "EventCompanies");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Live_Category",
                table: "Events",
                column: "Category",
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Live_DateEnd_DateStart",
                table: "Events",
                columns: new[] { "DateEnd", "DateStart" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Live_DateStart_DateEnd_Id",
                table: "Events",
                columns: new[] { "DateStart", "DateEnd", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EventModels_AiModelId_EventId",
                table: "EventModels",
                columns: new[] { "AiModelId", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_EventCompanies_CompanyId_EventId",
                table: "EventCompanies",
                columns: new[] { "CompanyId", "EventId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_Live_Category",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Live_DateEnd_DateStart",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Live_DateStart_DateEnd_Id",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_EventModels_AiModelId_EventId",
                table: "EventModels");

            migrationBuilder.DropIndex(
                name: "IX_EventCompanies_CompanyId_EventId",
                table: "EventCompanies");

            migrationBuilder.CreateIndex(
                name: "IX_EventModels_AiModelId",
                table: "EventModels",
                column: "AiModelId");

            migrationBuilder.CreateIndex(
                name: "IX_EventCompanies_CompanyId",
                table: "EventCompanies",
                column: "CompanyId");
        }
    }
}
