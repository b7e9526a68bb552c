using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Teams.Persistence.Migrations
{
    /// <summary>
    /// The listing gets the team's status (a filter), and its quick-search text narrows to the team's and the captain's
    /// names: the sponsor's, league's, sport's and city's names are matched on the replicas instead, so the trigram index
    /// (most of the cost of writing a listing row) indexes a third of the text. PostgreSQL 15 cannot change a generated
    /// column's expression, so the column is dropped and added again, with the indexes that use it.
    /// </summary>
    internal partial class ListingStatusNarrowSearch : Migration
    {
        private const string OldSearch =
            "lower(name::text || ' ' || coalesce(sponsor_name, '')::text || ' ' || league_name::text || ' ' || captain_name::text || ' ' || city_name::text || ' ' || sport::text)";

        private const string NewSearch = "lower(name::text || ' ' || captain_name::text)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "teams",
                table: "team_listing",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Active");
            migrationBuilder.Sql("UPDATE teams.team_listing l SET status = t.status FROM teams.teams t WHERE t.id = l.team_id AND l.status <> t.status;");
            ReplaceSearch(migrationBuilder, NewSearch, "search, sponsor_id, league_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "status",
                schema: "teams",
                table: "team_listing");
            ReplaceSearch(migrationBuilder, OldSearch, "search");
        }

        private static void ReplaceSearch(MigrationBuilder migrationBuilder, string expression, string included)
        {
            migrationBuilder.Sql($"""
                DROP INDEX IF EXISTS teams.ix_team_listing_search_trgm;
                DROP INDEX IF EXISTS teams.ix_team_listing_city_id_name_key_team_id;
                ALTER TABLE teams.team_listing DROP COLUMN search;
                ALTER TABLE teams.team_listing ADD COLUMN search text NOT NULL GENERATED ALWAYS AS ({expression}) STORED;
                CREATE INDEX ix_team_listing_search_trgm ON teams.team_listing USING gin (search public.gin_trgm_ops);
                CREATE INDEX ix_team_listing_city_id_name_key_team_id ON teams.team_listing (city_id, name_key, team_id) INCLUDE ({included});
                """);
        }
    }
}
