using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Teams.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ListingSponsorCityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_listing_sponsor_id",
                schema: "teams",
                table: "team_listing");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_sponsor_id_city_id",
                schema: "teams",
                table: "team_listing",
                columns: new[] { "sponsor_id", "city_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_listing_sponsor_id_city_id",
                schema: "teams",
                table: "team_listing");

            migrationBuilder.CreateIndex(
                name: "ix_team_listing_sponsor_id",
                schema: "teams",
                table: "team_listing",
                column: "sponsor_id");
        }
    }
}
