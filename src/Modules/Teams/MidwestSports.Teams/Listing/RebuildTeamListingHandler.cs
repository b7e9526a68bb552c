using System.Diagnostics;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Reconciliation: refreshes the replicas from the Sponsors and Leagues Contracts (never their schemas), recomputes
/// every listing row from teams + replicas into a temporary table, and applies only the difference (insert, update,
/// delete) in one transaction. Readers keep reading the old rows until it commits (MVCC); nothing is swapped out.
/// </summary>
internal sealed partial class RebuildTeamListingHandler(
    TeamsDbContext db,
    ISponsorDirectory sponsors,
    ILeagueDirectory leagues,
    ICityDirectory cities,
    CurrentScope current,
    ILogger<RebuildTeamListingHandler> logger) : ICommandHandler<RebuildTeamListing, ListingRebuildReport>
{
    private const string Compared =
        "name, league_id, league_name, city_id, city_name, sport, season, season_sort, sponsor_id, sponsor_name, captain_name, created_at, league_version, city_version, sponsor_version";

    public async ValueTask<ListingRebuildReport> Handle(RebuildTeamListing command, CancellationToken cancellationToken)
    {
        current.Scope.EnsureSystemAdmin();
        var clock = Stopwatch.StartNew();
        var sponsorFacts = await sponsors.AllAsync(cancellationToken);
        var leagueFacts = await leagues.AllAsync(cancellationToken);
        var cityFacts = await cities.AllAsync(cancellationToken);
        LogProgress(logger, "read the directories", sponsorFacts.Count + leagueFacts.Count + cityFacts.Count, clock.ElapsedMilliseconds);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Writers (team edits, event handlers) wait until the rebuild commits, so none of their changes falls between
            // the snapshot and the diff; readers are not blocked (SHARE ROW EXCLUSIVE does not conflict with SELECT).
            // Taking every table up front means no deadlock with a handler holding a replica row.
            await ExecAsync(connection, """
                LOCK TABLE teams.teams, teams.team_listing, teams.sponsor_names, teams.league_names, teams.city_names IN SHARE ROW EXCLUSIVE MODE;
                SET LOCAL work_mem = '256MB';
                CREATE TEMP TABLE src_sponsors (sponsor_id uuid, name text, active boolean, version bigint) ON COMMIT DROP;
                CREATE TEMP TABLE src_cities (city_id uuid, name text, version bigint) ON COMMIT DROP;
                CREATE TEMP TABLE src_leagues (league_id uuid, city_id uuid, name text, sport text, season text, season_sort int, archived boolean, version bigint) ON COMMIT DROP;
                """, cancellationToken);
            await CopyAsync(connection, sponsorFacts, cityFacts, leagueFacts, cancellationToken);
            var replicas = await ExecAsync(connection, """
                INSERT INTO teams.sponsor_names (sponsor_id, name, active, version) SELECT sponsor_id, name, active, version FROM src_sponsors
                ON CONFLICT (sponsor_id) DO UPDATE SET name = excluded.name, active = excluded.active, version = excluded.version
                WHERE teams.sponsor_names.version <= excluded.version
                  AND (teams.sponsor_names.name, teams.sponsor_names.active, teams.sponsor_names.version) IS DISTINCT FROM (excluded.name, excluded.active, excluded.version);
                INSERT INTO teams.city_names (city_id, name, version) SELECT city_id, name, version FROM src_cities
                ON CONFLICT (city_id) DO UPDATE SET name = excluded.name, version = excluded.version
                WHERE teams.city_names.version <= excluded.version
                  AND (teams.city_names.name, teams.city_names.version) IS DISTINCT FROM (excluded.name, excluded.version);
                INSERT INTO teams.league_names (league_id, city_id, name, sport, season, season_sort, archived, version)
                SELECT league_id, city_id, name, sport, season, season_sort, archived, version FROM src_leagues
                ON CONFLICT (league_id) DO UPDATE SET city_id = excluded.city_id, name = excluded.name, sport = excluded.sport, season = excluded.season,
                    season_sort = excluded.season_sort, archived = excluded.archived, version = excluded.version
                WHERE teams.league_names.version <= excluded.version
                  AND (teams.league_names.city_id, teams.league_names.name, teams.league_names.sport, teams.league_names.season, teams.league_names.archived, teams.league_names.version)
                      IS DISTINCT FROM (excluded.city_id, excluded.name, excluded.sport, excluded.season, excluded.archived, excluded.version);
                UPDATE teams.teams t SET city_id = l.city_id FROM teams.league_names l WHERE l.league_id = t.league_id AND t.city_id <> l.city_id;
                """, cancellationToken);
            LogProgress(logger, "refreshed the replicas", replicas, clock.ElapsedMilliseconds);

            var rows = await ExecAsync(connection, $"CREATE TEMP TABLE fresh ON COMMIT DROP AS {TeamProjection.SourceSelect}; ", cancellationToken);
            rows = await ScalarAsync(connection, "SELECT count(*) FROM fresh", cancellationToken);
            await ExecAsync(connection, "ALTER TABLE fresh ADD PRIMARY KEY (team_id); ANALYZE fresh;", cancellationToken);
            LogProgress(logger, "computed the listing", rows, clock.ElapsedMilliseconds);

            if (await ScalarAsync(connection, "SELECT count(*) FROM (SELECT 1 FROM teams.team_listing LIMIT 1) any_row", cancellationToken) == 0 && rows > 0)
            {
                var loaded = await LoadEmptyListingAsync(connection, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogDone(logger, rows, loaded, 0, 0, clock.ElapsedMilliseconds);
                return new ListingRebuildReport(rows, loaded, 0, 0, clock.Elapsed);
            }

            var removed = await ExecAsync(connection,
                "DELETE FROM teams.team_listing l WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.team_id = l.team_id)", cancellationToken);
            var changed = await ExecAsync(connection, $"""
                UPDATE teams.team_listing l SET ({Compared}) = ({Prefixed("f")})
                FROM fresh f
                WHERE f.team_id = l.team_id AND ({Prefixed("l")}) IS DISTINCT FROM ({Prefixed("f")})
                """, cancellationToken);
            var added = await ExecAsync(connection, $"""
                INSERT INTO teams.team_listing ({TeamProjection.SourceColumns})
                SELECT {TeamProjection.SourceColumns} FROM fresh f WHERE NOT EXISTS (SELECT 1 FROM teams.team_listing l WHERE l.team_id = f.team_id)
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogDone(logger, rows, added, changed, removed, clock.ElapsedMilliseconds);
            return new ListingRebuildReport(rows, added, changed, removed, clock.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// An empty listing (a first build, or one truncated on purpose) has nothing for readers to see, so instead of
    /// maintaining its 15 indexes row by row for every insert, they are dropped, the rows loaded, and each index built
    /// once from the loaded rows, in the same transaction. Readers wait for it (the drop takes an exclusive lock); on a
    /// listing with rows, the diff below runs instead and blocks no reader.
    /// </summary>
    private static async Task<long> LoadEmptyListingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'teams' AND tablename = 'team_listing' AND indexname <> 'pk_team_listing' ORDER BY indexname",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await ExecAsync(connection, "SET LOCAL maintenance_work_mem = '256MB';" + string.Concat(indexes.Select(i => $"DROP INDEX teams.\"{i.Name}\";")), ct);
        var loaded = await ExecAsync(connection, $"INSERT INTO teams.team_listing ({TeamProjection.SourceColumns}) SELECT {TeamProjection.SourceColumns} FROM fresh", ct);
        foreach (var (_, definition) in indexes)
        {
            await ExecAsync(connection, definition, ct);
        }

        await ExecAsync(connection, "ANALYZE teams.team_listing", ct);
        return loaded;
    }

    private static string Prefixed(string alias) => string.Join(", ", Compared.Split(", ").Select(c => $"{alias}.{c}"));

    private static async Task CopyAsync(
        NpgsqlConnection connection, IReadOnlyList<SponsorFacts> sponsors, IReadOnlyList<CityDto> cities, IReadOnlyList<LeagueFacts> leagues, CancellationToken ct)
    {
        await using (var writer = await connection.BeginBinaryImportAsync("COPY src_sponsors FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var s in sponsors)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(s.SponsorId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(s.Name, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(s.Active, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(s.Version, NpgsqlDbType.Bigint, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY src_cities FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in cities)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(c.Name, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(c.Version, NpgsqlDbType.Bigint, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY src_leagues FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var l in leagues.Select(LeagueReplica.From))
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(l.LeagueId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(l.CityId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(l.Name, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(l.Sport, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(l.Season, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(l.SeasonSort, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(l.Archived, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(l.Version, NpgsqlDbType.Bigint, ct);
            }

            await writer.CompleteAsync(ct);
        }
    }

    private static async Task<long> ExecAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing rebuild: {Step} ({Count}) after {ElapsedMs} ms")]
    private static partial void LogProgress(ILogger logger, string step, long count, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing rebuild done: {Rows} rows, {Added} added, {Changed} changed, {Removed} removed in {ElapsedMs} ms")]
    private static partial void LogDone(ILogger logger, long rows, long added, long changed, long removed, long elapsedMs);
}
