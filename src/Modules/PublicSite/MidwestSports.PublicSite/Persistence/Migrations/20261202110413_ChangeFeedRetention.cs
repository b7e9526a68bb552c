using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.PublicSite.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ChangeFeedRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feed_state",
                schema: "public_site",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    pruned_through = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feed_state", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feed_state",
                schema: "public_site");
        }
    }
}
