using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Trivia.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class TriviaUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "uploads",
                schema: "trivia",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    encoding = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    delimiter = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    city_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    rows = table.Column<string>(type: "jsonb", nullable: false),
                    messages = table.Column<string>(type: "jsonb", nullable: false),
                    row_count = table.Column<int>(type: "integer", nullable: false),
                    preview = table.Column<string>(type: "jsonb", nullable: false),
                    applied = table.Column<string>(type: "jsonb", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_uploads", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_uploads_uploaded_at",
                schema: "trivia",
                table: "uploads",
                column: "uploaded_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "uploads",
                schema: "trivia");
        }
    }
}
