using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.Trivia.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class TriviaSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "league_rules",
                schema: "trivia",
                columns: table => new
                {
                    league_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scoring = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    points_table = table.Column<int[]>(type: "integer[]", nullable: false),
                    best_nights = table.Column<int>(type: "integer", nullable: true),
                    minimum_nights = table.Column<int>(type: "integer", nullable: false),
                    excluded_game_types = table.Column<string[]>(type: "text[]", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_league_rules", x => x.league_id);
                });

            migrationBuilder.CreateTable(
                name: "nights",
                schema: "trivia",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    event_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    season = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    week = table.Column<int>(type: "integer", nullable: false),
                    game_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    partner_venue_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    venue_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    city_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    city_id = table.Column<Guid>(type: "uuid", nullable: true),
                    held = table.Column<bool>(type: "boolean", nullable: false),
                    flags = table.Column<List<string>>(type: "text[]", nullable: false),
                    payload_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nights", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "partner_links",
                schema: "trivia",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    partner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    season = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    partner_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    city_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    city_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "raw_pages",
                schema: "trivia",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_raw_pages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sync_runs",
                schema: "trivia",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    events_received = table.Column<int>(type: "integer", nullable: false),
                    results_created = table.Column<int>(type: "integer", nullable: false),
                    results_updated = table.Column<int>(type: "integer", nullable: false),
                    results_unchanged = table.Column<int>(type: "integer", nullable: false),
                    results_voided = table.Column<int>(type: "integer", nullable: false),
                    unmatched_teams = table.Column<int>(type: "integer", nullable: false),
                    unmatched_venues = table.Column<int>(type: "integer", nullable: false),
                    nights_held = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    started_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "results",
                schema: "trivia",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    night_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rounds = table.Column<int[]>(type: "integer[]", nullable: false),
                    bonus = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_results_nights_night_id",
                        column: x => x.night_id,
                        principalSchema: "trivia",
                        principalTable: "nights",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_nights_date",
                schema: "trivia",
                table: "nights",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_nights_partner_event_id",
                schema: "trivia",
                table: "nights",
                columns: new[] { "partner", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_nights_partner_partner_venue_id",
                schema: "trivia",
                table: "nights",
                columns: new[] { "partner", "partner_venue_id" });

            migrationBuilder.CreateIndex(
                name: "ix_partner_links_kind_partner_season_partner_id",
                schema: "trivia",
                table: "partner_links",
                columns: new[] { "kind", "partner", "season", "partner_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_links_status",
                schema: "trivia",
                table: "partner_links",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_raw_pages_run_id_number",
                schema: "trivia",
                table: "raw_pages",
                columns: new[] { "run_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_results_night_id_partner_team_id",
                schema: "trivia",
                table: "results",
                columns: new[] { "night_id", "partner_team_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_results_team_id",
                schema: "trivia",
                table: "results",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_sync_runs_started_at",
                schema: "trivia",
                table: "sync_runs",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "league_rules",
                schema: "trivia");

            migrationBuilder.DropTable(
                name: "partner_links",
                schema: "trivia");

            migrationBuilder.DropTable(
                name: "raw_pages",
                schema: "trivia");

            migrationBuilder.DropTable(
                name: "results",
                schema: "trivia");

            migrationBuilder.DropTable(
                name: "sync_runs",
                schema: "trivia");

            migrationBuilder.DropTable(
                name: "nights",
                schema: "trivia");
        }
    }
}
