using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Trivia.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class SyncRunFiguresPerCity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "per_city",
                schema: "trivia",
                table: "sync_runs",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "per_city",
                schema: "trivia",
                table: "sync_runs");
        }
    }
}
