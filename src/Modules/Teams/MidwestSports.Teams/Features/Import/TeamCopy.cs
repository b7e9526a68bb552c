using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Messaging;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Domain;
using MidwestSports.Teams.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Teams.Features.Import;

/// <summary>
/// New teams written with COPY, with exactly what <c>SaveChanges</c> would add for each: the audit entry the audit
/// interceptor writes for an added entity (every property as <c>{"new": value}</c>, its city, the current reason); and
/// a batch's outbox message, the row <see cref="ModuleModel.AddToOutbox"/> writes, left for the caller to publish.
/// </summary>
internal sealed class TeamCopy(TeamsDbContext db, CurrentScope current)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    public async Task WriteAsync(IReadOnlyList<Team> teams, DateTimeOffset now, CancellationToken ct)
    {
        await using (var copy = await Connection.BeginBinaryImportAsync(
            "COPY teams.teams (id, league_id, city_id, name, sponsor_id, captain_name, captain_email, captain_phone, roster_size, status, version, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var team in teams)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(team.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(team.LeagueId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(team.CityId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(team.Name, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, team.SponsorId, ct);
                await copy.WriteAsync(team.CaptainName, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, team.CaptainEmail, ct);
                await WriteNullableAsync(copy, team.CaptainPhone, ct);
                await copy.WriteAsync(team.RosterSize, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(team.Status.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(team.Version, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(team.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await WriteAuditAsync(teams, now, ct);
    }

    private async Task WriteAuditAsync(IReadOnlyList<Team> teams, DateTimeOffset now, CancellationToken ct)
    {
        var entityType = db.Model.FindEntityType(typeof(Team))!;
        var properties = entityType.GetProperties().Select(p => (p.Name, Getter: p.GetGetter())).ToArray();
        var scope = current.Scope;
        var reason = current.AuditReason;
        var buffer = new ArrayBufferWriter<byte>();
        await using var copy = await Connection.BeginBinaryImportAsync(
            "COPY teams.audit_log (id, occurred_at, user_id, actor, entity_type, entity_id, city_id, action, changes, reason) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var team in teams)
        {
            buffer.ResetWrittenCount();
            await using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                foreach (var (name, getter) in properties)
                {
                    json.WritePropertyName(name);
                    json.WriteStartObject();
                    json.WritePropertyName("new");
                    JsonSerializer.Serialize(json, getter.GetClrValueUsingContainingEntity(team), Json);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            await copy.StartRowAsync(ct);
            await copy.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(copy, scope.UserId, ct);
            await copy.WriteAsync(scope.Actor, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(entityType.ClrType.Name, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(team.Id.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(team.CityId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync("Created", NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan), NpgsqlDbType.Jsonb, ct);
            await WriteNullableAsync(copy, reason, ct);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>The outbox row of <paramref name="integrationEvent"/>, unpublished; returns its id.</summary>
    public async Task<Guid> WriteOutboxAsync(IIntegrationEvent integrationEvent, DateTimeOffset now, CancellationToken ct)
    {
        var (type, payload) = IntegrationEventSerializer.Serialize(integrationEvent);
        await using var copy = await Connection.BeginBinaryImportAsync(
            "COPY teams.outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts) FROM STDIN (FORMAT BINARY)", ct);
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(integrationEvent.EventId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(type, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(payload, NpgsqlDbType.Jsonb, ct);
        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
        await copy.CompleteAsync(ct);
        return integrationEvent.EventId;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, Guid? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Uuid, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is not null ? copy.WriteAsync(value, NpgsqlDbType.Varchar, ct) : copy.WriteNullAsync(ct);
}
