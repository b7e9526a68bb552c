using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Teams.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ListingPartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_listing_city_id_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing");

            migrationBuilder.DropIndex(
                name: "ix_team_listing_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_city_id_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "city_id", "sponsor_key", "team_id" },
                filter: "sponsor_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_city_id_team_id_sponsorless",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "city_id", "team_id" },
                filter: "sponsor_key IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "sponsor_key", "team_id" },
                filter: "sponsor_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_listing_city_id_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing");

            migrationBuilder.DropIndex(
                name: "ix_team_listing_city_id_team_id_sponsorless",
                schema: "teams",
                table: "team_listing");

            migrationBuilder.DropIndex(
                name: "ix_team_listing_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_city_id_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "city_id", "sponsor_key", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_sponsor_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "sponsor_key", "team_id" });
        }
    }
}
