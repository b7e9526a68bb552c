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
/// Reconciliation and full rebuild, in one transaction: refreshes the replicas from the Sponsors and Leagues Contracts
/// (never their schemas) and computes every listing row from teams + replicas. Then either
/// <list type="bullet">
/// <item>the drift (rows missing, differing or gone) is at most a tenth of the rows: it is repaired in place
/// (<see cref="ListingRepair"/>), which touches only those rows; or</item>
/// <item>it is larger, or the command asks for a swap (after a change to the listing's columns): every row is loaded
/// into a shadow table, its indexes are built, and it is swapped in (<see cref="ListingSwap"/>).</item>
/// </list>
/// Writers (team edits, event handlers, the re-keying) wait for the rebuild; readers keep reading the live listing
/// and wait at most for the swap itself.
/// </summary>
internal sealed partial class RebuildTeamListingHandler(
    TeamsDbContext db,
    ISponsorDirectory sponsors,
    ILeagueDirectory leagues,
    ICityDirectory cities,
    CurrentScope current,
    ILogger<RebuildTeamListingHandler> logger) : ICommandHandler<RebuildTeamListing, ListingRebuildReport>
{
    /// <summary>The largest share of the rows repaired in place; a larger drift is rebuilt and swapped.</summary>
    private const int InPlaceShareDivisor = 10;

    /// <summary>A drift this small is always repaired in place, however few rows the listing has.</summary>
    private const int InPlaceFloor = 1_000;

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
            // Writers wait until the rebuild commits, so none of their changes falls between the snapshot and the swap;
            // readers are not blocked (SHARE ROW EXCLUSIVE does not conflict with SELECT). Taking every table up front
            // means no deadlock with a handler holding a replica row.
            await RebuildSql.ExecAsync(connection, """
                LOCK TABLE teams.teams, teams.team_listing, teams.sponsor_names, teams.league_names, teams.city_names IN SHARE ROW EXCLUSIVE MODE;
                SET LOCAL work_mem = '256MB';
                SET LOCAL maintenance_work_mem = '256MB';
                CREATE TEMP TABLE src_sponsors (sponsor_id uuid, name text, active boolean, version bigint) ON COMMIT DROP;
                CREATE TEMP TABLE src_cities (city_id uuid, name text, version bigint) ON COMMIT DROP;
                CREATE TEMP TABLE src_leagues (league_id uuid, city_id uuid, name text, sport text, season text, season_sort int, archived boolean, version bigint) ON COMMIT DROP;
                """, cancellationToken);
            await CopyAsync(connection, sponsorFacts, cityFacts, leagueFacts, cancellationToken);
            var replicas = await RebuildSql.ExecAsync(connection, $"""
                {NameReplica.Sponsors.UpsertFrom("SELECT sponsor_id, name, active, version, version FROM src_sponsors", repairSameVersion: true)};
                {NameReplica.Cities.UpsertFrom("SELECT city_id, name, version FROM src_cities", repairSameVersion: true)};
                {NameReplica.Leagues.UpsertFrom("SELECT league_id, city_id, name, sport, season, season_sort, archived, version FROM src_leagues", repairSameVersion: true)};
                UPDATE teams.teams t SET city_id = l.city_id FROM teams.league_names l WHERE l.league_id = t.league_id AND t.city_id <> l.city_id;
                """, cancellationToken);
            LogProgress(logger, "refreshed the replicas", replicas, clock.ElapsedMilliseconds);

            var teams = (await RebuildSql.CountsAsync(connection, "SELECT count(*) FROM teams.teams", cancellationToken))[0];
            var limit = Math.Max(InPlaceFloor, teams / InPlaceShareDivisor);
            var drift = command.Swap ? null : await ListingRepair.FindAsync(connection, limit, cancellationToken);
            long rows, added, changed, removed;
            if (drift is { } found)
            {
                (added, changed, removed) = found;
                LogProgress(logger, "found the drift, repairing it in place", added + changed + removed, clock.ElapsedMilliseconds);
                await ListingRepair.ApplyAsync(connection, cancellationToken);
                rows = teams;
            }
            else
            {
                rows = await ListingSwap.LoadShadowAsync(connection, TeamProjection.SourceColumns, TeamProjection.SourceSelect, cancellationToken);
                LogProgress(logger, "loaded the shadow listing", rows, clock.ElapsedMilliseconds);
                (added, changed, removed) = await DriftAsync(connection, cancellationToken);
                LogProgress(logger, "compared it with the live listing", added + changed + removed, clock.ElapsedMilliseconds);
                await ListingSwap.BuildIndexesAsync(connection, cancellationToken);
                LogProgress(logger, "indexed the shadow listing", rows, clock.ElapsedMilliseconds);
                LogSwapped(logger, await ListingSwap.SwapAsync(connection, cancellationToken));
            }

            // Every row now carries its sponsor's current name: nothing is left to re-key.
            await RebuildSql.ExecAsync(connection, "UPDATE teams.sponsor_names SET listed_version = version WHERE listed_version <> version", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogDone(logger, rows, added, changed, removed, drift is null ? "swapped a shadow in" : "repaired in place", clock.ElapsedMilliseconds);
            return new ListingRebuildReport(rows, added, changed, removed, clock.Elapsed, Swapped: drift is null);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Rows the shadow adds, changes and removes compared with the live listing: what reconciliation repairs.</summary>
    private static async Task<(long Added, long Changed, long Removed)> DriftAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var counts = await RebuildSql.CountsAsync(connection, $"""
            SELECT count(*) FILTER (WHERE l.team_id IS NULL),
                   count(*) FILTER (WHERE l.team_id IS NOT NULL AND f.team_id IS NOT NULL AND {TeamProjection.Differs("l", "f")}),
                   count(*) FILTER (WHERE f.team_id IS NULL)
            FROM {ListingSwap.Shadow} f FULL JOIN teams.team_listing l ON l.team_id = f.team_id
            """, ct);
        return (counts[0], counts[1], counts[2]);
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing rebuild: {Step} ({Count}) after {ElapsedMs} ms")]
    private static partial void LogProgress(ILogger logger, string step, long count, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing rebuild: swapped the shadow in after waiting {WaitedMs} ms for readers")]
    private static partial void LogSwapped(ILogger logger, long waitedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing rebuild done: {Rows} rows, {Added} added, {Changed} changed, {Removed} removed, {How}, in {ElapsedMs} ms")]
    private static partial void LogDone(ILogger logger, long rows, long added, long changed, long removed, string how, long elapsedMs);
}
