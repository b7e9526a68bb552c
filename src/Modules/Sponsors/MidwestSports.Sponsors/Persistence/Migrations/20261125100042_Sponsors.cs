using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Sponsors.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Sponsors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sponsors",
                schema: "sponsors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sponsors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sponsor_cities",
                schema: "sponsors",
                columns: table => new
                {
                    sponsor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sponsor_cities", x => new { x.sponsor_id, x.city_id });
                    table.ForeignKey(
                        name: "fk_sponsor_cities_sponsors_sponsor_id",
                        column: x => x.sponsor_id,
                        principalSchema: "sponsors",
                        principalTable: "sponsors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sponsor_cities_city_id",
                schema: "sponsors",
                table: "sponsor_cities",
                column: "city_id");

            migrationBuilder.CreateIndex(
                name: "ix_sponsors_name",
                schema: "sponsors",
                table: "sponsors",
                column: "name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sponsor_cities",
                schema: "sponsors");

            migrationBuilder.DropTable(
                name: "sponsors",
                schema: "sponsors");
        }
    }
}
