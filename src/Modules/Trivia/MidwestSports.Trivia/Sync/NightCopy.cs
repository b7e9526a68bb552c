using Microsoft.EntityFrameworkCore;
using MidwestSports.Trivia.Domain;
using MidwestSports.Trivia.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Trivia.Sync;

/// <summary>
/// Nights we never had, with their results, written with PostgreSQL's binary COPY in the caller's transaction: a first
/// sync brings thousands of rows, and tracking each one (and auditing it row by row) cost seconds. These rows are
/// accounted for by their run (its figures, and every page archived with its hash), not by the audit log.
/// </summary>
internal static class NightCopy
{
    public static async Task WriteAsync(TriviaDbContext db, IReadOnlyList<TriviaNight> nights, CancellationToken ct)
    {
        if (nights.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY trivia.nights (id, partner, event_id, season, week, game_type, status, last_modified, date, start_time, partner_venue_id, " +
                "venue_name, city_name, venue_id, city_id, held, flags, payload_hash, received_at) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var n in nights)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(n.Id, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(n.Partner, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(n.EventId, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(n.Season, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(n.Week, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(n.GameType, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(n.Status.ToString(), NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(n.LastModified.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                    await writer.WriteAsync(n.Date, NpgsqlDbType.Date, ct);
                    await writer.WriteAsync(n.StartTime, NpgsqlDbType.Time, ct);
                    await writer.WriteAsync(n.PartnerVenueId, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(n.VenueName, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(n.CityName, NpgsqlDbType.Varchar, ct);
                    await WriteNullableAsync(writer, n.VenueId, ct);
                    await WriteNullableAsync(writer, n.CityId, ct);
                    await writer.WriteAsync(n.Held, NpgsqlDbType.Boolean, ct);
                    await writer.WriteAsync(n.Flags, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(n.PayloadHash, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(n.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                }

                await writer.CompleteAsync(ct);
            }

            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY trivia.results (id, night_id, partner_team_id, team_name, rounds, bonus, total, rank, team_id) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var r in nights.SelectMany(n => n.Results))
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(r.NightId, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(r.PartnerTeamId, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(r.TeamName, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(r.Rounds, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(r.Bonus, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(r.Total, NpgsqlDbType.Integer, ct);
                    if (r.Rank is { } rank)
                    {
                        await writer.WriteAsync(rank, NpgsqlDbType.Integer, ct);
                    }
                    else
                    {
                        await writer.WriteNullAsync(ct);
                    }

                    await WriteNullableAsync(writer, r.TeamId, ct);
                }

                await writer.CompleteAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, Guid? value, CancellationToken ct)
    {
        if (value is { } id)
        {
            await writer.WriteAsync(id, NpgsqlDbType.Uuid, ct);
        }
        else
        {
            await writer.WriteNullAsync(ct);
        }
    }
}
