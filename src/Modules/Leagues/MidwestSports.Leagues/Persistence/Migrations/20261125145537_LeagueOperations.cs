using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Leagues.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class LeagueOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "differential_cap",
                schema: "leagues",
                table: "leagues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "forfeit_loss_score",
                schema: "leagues",
                table: "leagues",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "forfeit_win_score",
                schema: "leagues",
                table: "leagues",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<string>(
                name: "tie_breakers",
                schema: "leagues",
                table: "leagues",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "standard");

            // Existing leagues get the same rules a new league starts with.
            migrationBuilder.Sql("UPDATE leagues.leagues SET differential_cap = 10;");

            migrationBuilder.CreateTable(
                name: "blackouts",
                schema: "leagues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    league_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blackouts", x => x.id);
                    table.ForeignKey(
                        name: "fk_blackouts_leagues_league_id",
                        column: x => x.league_id,
                        principalSchema: "leagues",
                        principalTable: "leagues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "brackets",
                schema: "leagues",
                columns: table => new
                {
                    league_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    seeds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brackets", x => x.league_id);
                    table.ForeignKey(
                        name: "fk_brackets_leagues_league_id",
                        column: x => x.league_id,
                        principalSchema: "leagues",
                        principalTable: "leagues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coin_flips",
                schema: "leagues",
                columns: table => new
                {
                    league_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    draw = table.Column<int>(type: "integer", nullable: false),
                    drawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coin_flips", x => new { x.league_id, x.team_id });
                });

            migrationBuilder.CreateTable(
                name: "league_teams",
                schema: "leagues",
                columns: table => new
                {
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    league_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    deleted = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_league_teams", x => x.team_id);
                });

            migrationBuilder.CreateTable(
                name: "venues",
                schema: "leagues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    fields = table.Column<List<string>>(type: "text[]", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venues", x => x.id);
                    table.ForeignKey(
                        name: "fk_venues_cities_city_id",
                        column: x => x.city_id,
                        principalSchema: "leagues",
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "games",
                schema: "leagues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    league_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: true),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    field = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    home_team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    away_team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    home_score = table.Column<int>(type: "integer", nullable: true),
                    away_score = table.Column<int>(type: "integer", nullable: true),
                    forfeited_by = table.Column<Guid>(type: "uuid", nullable: true),
                    bracket_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_games", x => x.id);
                    table.ForeignKey(
                        name: "fk_games_leagues_league_id",
                        column: x => x.league_id,
                        principalSchema: "leagues",
                        principalTable: "leagues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_games_venues_venue_id",
                        column: x => x.venue_id,
                        principalSchema: "leagues",
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "league_slots",
                schema: "leagues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    league_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    field = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_league_slots", x => x.id);
                    table.ForeignKey(
                        name: "fk_league_slots_leagues_league_id",
                        column: x => x.league_id,
                        principalSchema: "leagues",
                        principalTable: "leagues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_league_slots_venues_venue_id",
                        column: x => x.venue_id,
                        principalSchema: "leagues",
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_blackouts_league_id_date_team_id",
                schema: "leagues",
                table: "blackouts",
                columns: new[] { "league_id", "date", "team_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_games_league_id_bracket_code",
                schema: "leagues",
                table: "games",
                columns: new[] { "league_id", "bracket_code" },
                unique: true,
                filter: "bracket_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_games_league_id_date_start",
                schema: "leagues",
                table: "games",
                columns: new[] { "league_id", "date", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_games_venue_id_date",
                schema: "leagues",
                table: "games",
                columns: new[] { "venue_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_league_slots_league_id_venue_id_field_start",
                schema: "leagues",
                table: "league_slots",
                columns: new[] { "league_id", "venue_id", "field", "start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_league_slots_venue_id",
                schema: "leagues",
                table: "league_slots",
                column: "venue_id");

            migrationBuilder.CreateIndex(
                name: "ix_league_teams_league_id_team_id",
                schema: "leagues",
                table: "league_teams",
                columns: new[] { "league_id", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_venues_city_id_name",
                schema: "leagues",
                table: "venues",
                columns: new[] { "city_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "blackouts",
                schema: "leagues");

            migrationBuilder.DropTable(
                name: "brackets",
                schema: "leagues");

            migrationBuilder.DropTable(
                name: "coin_flips",
                schema: "leagues");

            migrationBuilder.DropTable(
                name: "games",
                schema: "leagues");

            migrationBuilder.DropTable(
                name: "league_slots",
                schema: "leagues");

            migrationBuilder.DropTable(
                name: "league_teams",
                schema: "leagues");

            migrationBuilder.DropTable(
                name: "venues",
                schema: "leagues");

            migrationBuilder.DropColumn(
                name: "differential_cap",
                schema: "leagues",
                table: "leagues");

            migrationBuilder.DropColumn(
                name: "forfeit_loss_score",
                schema: "leagues",
                table: "leagues");

            migrationBuilder.DropColumn(
                name: "forfeit_win_score",
                schema: "leagues",
                table: "leagues");

            migrationBuilder.DropColumn(
                name: "tie_breakers",
                schema: "leagues",
                table: "leagues");
        }
    }
}
