using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IndustryTracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeletedEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Events_Deleted",
                table: "Events",
                column: "Id",
                filter: "\"DeletedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_Deleted",
                table: "Events");
        }
    }
}
