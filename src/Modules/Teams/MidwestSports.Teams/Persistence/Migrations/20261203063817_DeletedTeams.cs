using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Teams.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class DeletedTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deleted_teams",
                schema: "teams",
                columns: table => new
                {
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    team = table.Column<string>(type: "jsonb", nullable: false),
                    players = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deleted_teams", x => x.team_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deleted_teams_city_id",
                schema: "teams",
                table: "deleted_teams",
                column: "city_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deleted_teams",
                schema: "teams");
        }
    }
}
