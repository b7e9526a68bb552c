using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Leagues.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class UniqueNameKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_venues_city_id_name",
                schema: "leagues",
                table: "venues");

            migrationBuilder.DropIndex(
                name: "ix_leagues_city_id_season_year_term_name",
                schema: "leagues",
                table: "leagues");

            migrationBuilder.DropIndex(
                name: "ix_cities_name",
                schema: "leagues",
                table: "cities");

            migrationBuilder.AddColumn<string>(
                name: "name_key",
                schema: "leagues",
                table: "venues",
                type: "text",
                nullable: true,
                computedColumnSql: "lower(name)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "name_key",
                schema: "leagues",
                table: "leagues",
                type: "text",
                nullable: true,
                computedColumnSql: "lower(name)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "name_key",
                schema: "leagues",
                table: "cities",
                type: "text",
                nullable: true,
                computedColumnSql: "lower(name)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ux_venues__name",
                schema: "leagues",
                table: "venues",
                columns: new[] { "city_id", "name_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_leagues__name",
                schema: "leagues",
                table: "leagues",
                columns: new[] { "city_id", "season_year", "term", "name_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_cities__name",
                schema: "leagues",
                table: "cities",
                column: "name_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_venues__name",
                schema: "leagues",
                table: "venues");

            migrationBuilder.DropIndex(
                name: "ux_leagues__name",
                schema: "leagues",
                table: "leagues");

            migrationBuilder.DropIndex(
                name: "ux_cities__name",
                schema: "leagues",
                table: "cities");

            migrationBuilder.DropColumn(
                name: "name_key",
                schema: "leagues",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "name_key",
                schema: "leagues",
                table: "leagues");

            migrationBuilder.DropColumn(
                name: "name_key",
                schema: "leagues",
                table: "cities");

            migrationBuilder.CreateIndex(
                name: "ix_venues_city_id_name",
                schema: "leagues",
                table: "venues",
                columns: new[] { "city_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leagues_city_id_season_year_term_name",
                schema: "leagues",
                table: "leagues",
                columns: new[] { "city_id", "season_year", "term", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cities_name",
                schema: "leagues",
                table: "cities",
                column: "name",
                unique: true);
        }
    }
}
