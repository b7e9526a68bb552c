using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Teams.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class TeamsAndListing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "season_sort",
                schema: "teams",
                table: "league_names",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "sponsor_names",
                schema: "teams",
                columns: table => new
                {
                    sponsor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sponsor_names", x => x.sponsor_id);
                });

            migrationBuilder.CreateTable(
                name: "team_listing",
                schema: "teams",
                columns: table => new
                {
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    league_id = table.Column<Guid>(type: "uuid", nullable: false),
                    league_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sport = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    season = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    season_sort = table.Column<int>(type: "integer", nullable: false),
                    sponsor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sponsor_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    captain_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    league_version = table.Column<long>(type: "bigint", nullable: false),
                    city_version = table.Column<long>(type: "bigint", nullable: false),
                    sponsor_version = table.Column<long>(type: "bigint", nullable: false),
                    name_key = table.Column<string>(type: "text", nullable: false, computedColumnSql: "lower(name)", stored: true),
                    league_key = table.Column<string>(type: "text", nullable: false, computedColumnSql: "lower(league_name)", stored: true),
                    city_key = table.Column<string>(type: "text", nullable: false, computedColumnSql: "lower(city_name)", stored: true),
                    sport_key = table.Column<string>(type: "text", nullable: false, computedColumnSql: "lower(sport)", stored: true),
                    sponsor_key = table.Column<string>(type: "text", nullable: true, computedColumnSql: "lower(sponsor_name)", stored: true),
                    captain_key = table.Column<string>(type: "text", nullable: false, computedColumnSql: "lower(captain_name)", stored: true),
                    search = table.Column<string>(type: "text", nullable: false, computedColumnSql: "lower(name || ' ' || coalesce(sponsor_name, '') || ' ' || league_name || ' ' || captain_name || ' ' || city_name || ' ' || sport)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_listing", x => x.team_id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                schema: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    league_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sponsor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    captain_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    captain_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    captain_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    roster_size = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_captain_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "captain_key", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_city_id_name_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "city_id", "name_key", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_city_id_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "city_id", "sponsor_key", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_city_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "city_key", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_created_at_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "created_at", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_league_id",
                schema: "teams",
                table: "team_listing",
                column: "league_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_league_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "league_key", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_name_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "name_key", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_season_sort_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "season_sort", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_sponsor_id",
                schema: "teams",
                table: "team_listing",
                column: "sponsor_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "sponsor_key", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_sport_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "sport_key", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_teams_city_id",
                schema: "teams",
                table: "teams",
                column: "city_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_league_id",
                schema: "teams",
                table: "teams",
                column: "league_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_sponsor_id",
                schema: "teams",
                table: "teams",
                column: "sponsor_id");

            // Team names are unique within a league, ignoring case: an expression index EF cannot model.
            migrationBuilder.Sql("CREATE UNIQUE INDEX ux_teams_league_id_lower_name ON teams.teams (league_id, lower(name));");

            // Substring search over every text column ("q"): trigram GIN index (pg_trgm is a trusted extension).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;");
            migrationBuilder.Sql("CREATE INDEX ix_team_listing_search_trgm ON teams.team_listing USING gin (search public.gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS teams.ix_team_listing_search_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS teams.ux_teams_league_id_lower_name;");

            migrationBuilder.DropTable(
                name: "sponsor_names",
                schema: "teams");

            migrationBuilder.DropTable(
                name: "team_listing",
                schema: "teams");

            migrationBuilder.DropTable(
                name: "teams",
                schema: "teams");

            migrationBuilder.DropColumn(
                name: "season_sort",
                schema: "teams",
                table: "league_names");
        }
    }
}
