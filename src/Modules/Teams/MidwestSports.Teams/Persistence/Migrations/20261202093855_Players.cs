using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Teams.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Players : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "players",
                schema: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    is_captain = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    email_key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, computedColumnSql: "lower(email)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_players", x => x.id);
                    table.ForeignKey(
                        name: "fk_players_teams_team_id",
                        column: x => x.team_id,
                        principalSchema: "teams",
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_players__email",
                schema: "teams",
                table: "players",
                columns: new[] { "team_id", "email_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_players__isCaptain",
                schema: "teams",
                table: "players",
                column: "team_id",
                unique: true,
                filter: "is_captain");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "players",
                schema: "teams");
        }
    }
}
