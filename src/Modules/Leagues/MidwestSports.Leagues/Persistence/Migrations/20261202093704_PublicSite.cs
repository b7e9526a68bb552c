using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Leagues.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class PublicSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "leagues",
                table: "venues",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<bool>(
                name: "public_visible",
                schema: "leagues",
                table: "leagues",
                type: "boolean",
                nullable: false,
                // Every league published so far stays as it was: public once out of Draft.
                defaultValue: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "leagues",
                table: "leagues",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "leagues",
                table: "league_teams",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "leagues",
                table: "cities",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            // What existed gets its creation time as its last change (the replica of teams has none: now).
            migrationBuilder.Sql("UPDATE leagues.cities SET updated_at = created_at; UPDATE leagues.leagues SET updated_at = created_at; UPDATE leagues.venues SET updated_at = created_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "leagues",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "public_visible",
                schema: "leagues",
                table: "leagues");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "leagues",
                table: "leagues");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "leagues",
                table: "league_teams");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "leagues",
                table: "cities");
        }
    }
}
