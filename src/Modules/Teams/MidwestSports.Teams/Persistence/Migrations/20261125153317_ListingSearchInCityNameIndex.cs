using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Teams.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ListingSearchInCityNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_listing_city_id_name_key_team_id",
                schema: "teams",
                table: "team_listing");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_city_id_name_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "city_id", "name_key", "team_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "search" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_listing_city_id_name_key_team_id",
                schema: "teams",
                table: "team_listing");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_city_id_name_key_team_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "city_id", "name_key", "team_id" });
        }
    }
}
