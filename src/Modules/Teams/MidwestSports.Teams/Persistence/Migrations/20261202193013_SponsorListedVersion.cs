using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Teams.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class SponsorListedVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "listed_version",
                schema: "teams",
                table: "sponsor_names",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing listing rows were re-keyed in the rename's own request until now: every sponsor starts listed.
            migrationBuilder.Sql("UPDATE teams.sponsor_names SET listed_version = version;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "listed_version",
                schema: "teams",
                table: "sponsor_names");
        }
    }
}
