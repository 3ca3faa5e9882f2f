using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IndustryTracker.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPlanned",
                table: "Events",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsPlanned",
                table: "Events");
        }
    }
}
