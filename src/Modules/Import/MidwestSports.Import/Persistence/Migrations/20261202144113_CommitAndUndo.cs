using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Import.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class CommitAndUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_import_rows",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropIndex(
                name: "ix_import_rows_import_id_action_line",
                schema: "import",
                table: "import_rows");

            migrationBuilder.AddColumn<string>(
                name: "commit_mode",
                schema: "import",
                table: "imports",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "committed_at",
                schema: "import",
                table: "imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "encoding_override",
                schema: "import",
                table: "imports",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "mapping_from_saved",
                schema: "import",
                table: "imports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "message",
                schema: "import",
                table: "imports",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                schema: "import",
                table: "imports",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "parts",
                schema: "import",
                table: "imports",
                type: "jsonb",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "progress_done",
                schema: "import",
                table: "imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "progress_total",
                schema: "import",
                table: "imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "undone_at",
                schema: "import",
                table: "imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "row_id",
                schema: "import",
                table: "import_rows",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "applied_id",
                schema: "import",
                table: "import_rows",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "applied_version",
                schema: "import",
                table: "import_rows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "before",
                schema: "import",
                table: "import_rows",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "decided_target_id",
                schema: "import",
                table: "import_rows",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decision",
                schema: "import",
                table: "import_rows",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                schema: "import",
                table: "import_rows",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "sheet",
                schema: "import",
                table: "import_rows",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "suggestions",
                schema: "import",
                table: "import_rows",
                type: "jsonb",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "target_version",
                schema: "import",
                table: "import_rows",
                type: "bigint",
                nullable: true);

            // Rows analysed before this version were all teams rows of one sheet: their line is their id.
            migrationBuilder.Sql("UPDATE import.import_rows SET row_id = line, kind = 'Teams'");

            migrationBuilder.AddPrimaryKey(
                name: "pk_import_rows",
                schema: "import",
                table: "import_rows",
                columns: new[] { "import_id", "row_id" });

            migrationBuilder.CreateTable(
                name: "saved_mappings",
                schema: "import",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    header_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    columns = table.Column<string>(type: "jsonb", nullable: false),
                    saved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_mappings", x => new { x.kind, x.header_key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_rows_import_id_action_row_id",
                schema: "import",
                table: "import_rows",
                columns: new[] { "import_id", "action", "row_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saved_mappings",
                schema: "import");

            migrationBuilder.DropPrimaryKey(
                name: "pk_import_rows",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropIndex(
                name: "ix_import_rows_import_id_action_row_id",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "commit_mode",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "committed_at",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "encoding_override",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "mapping_from_saved",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "message",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "outcome",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "parts",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "progress_done",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "progress_total",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "undone_at",
                schema: "import",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "row_id",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "applied_id",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "applied_version",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "before",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "decided_target_id",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "decision",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "kind",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "sheet",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "suggestions",
                schema: "import",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "target_version",
                schema: "import",
                table: "import_rows");

            migrationBuilder.AddPrimaryKey(
                name: "pk_import_rows",
                schema: "import",
                table: "import_rows",
                columns: new[] { "import_id", "line" });

            migrationBuilder.CreateIndex(
                name: "ix_import_rows_import_id_action_line",
                schema: "import",
                table: "import_rows",
                columns: new[] { "import_id", "action", "line" });
        }
    }
}
