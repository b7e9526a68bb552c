using MidwestSports.Teams.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// A page shows each sponsor's name as the one-row replica has it now, so a rename is on screen as soon as the replica
/// commits, whether or not the listing rows have been re-keyed yet.
/// </summary>
internal static class SponsorNamesShown
{
    public static async Task<IReadOnlyList<TeamListingItem>> ApplyAsync(NpgsqlConnection connection, List<TeamListingItem> items, CancellationToken ct)
    {
        var ids = items.Where(i => i.SponsorId is not null).Select(i => i.SponsorId!.Value).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return items;
        }

        await using var command = new NpgsqlCommand("SELECT sponsor_id, name FROM teams.sponsor_names WHERE sponsor_id = ANY(@ids)", connection);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        var names = new Dictionary<Guid, string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                names[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        return [.. items.Select(i => i.SponsorId is { } id && names.TryGetValue(id, out var name) && name != i.SponsorName ? i with { SponsorName = name } : i)];
    }
}
