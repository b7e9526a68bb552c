using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Teams.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class TeamNameUniqueKeyName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The unique-key convention (ux_<table>__<field>) lets a violation answer 409 naming the field "name".
            migrationBuilder.Sql("ALTER INDEX teams.ux_teams_league_id_lower_name RENAME TO ux_teams__name;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER INDEX teams.ux_teams__name RENAME TO ux_teams_league_id_lower_name;");
        }
    }
}
