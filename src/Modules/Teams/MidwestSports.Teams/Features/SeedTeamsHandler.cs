using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Teams.Features;

internal sealed class SeedTeamsValidator : AbstractValidator<SeedTeams>
{
    public SeedTeamsValidator() => RuleFor(x => x.Count).InclusiveBetween(1, 5_000_000);
}

/// <summary>COPYs teams straight into the Teams schema (its own tables), then lets the rebuild project them.</summary>
internal sealed class SeedTeamsHandler(TeamsDbContext db, ILeagueDirectory leagues, ISponsorDirectory sponsors, CurrentScope current, ISender sender, TimeProvider time)
    : ICommandHandler<SeedTeams, ListingRebuildReport>
{
    private static readonly string[] Adjectives =
    [
        "Mighty", "Rowdy", "Lucky", "Golden", "Flying", "Midnight", "Thirsty", "Fighting", "Sneaky", "Wild", "Hazy", "Brave", "Frozen", "Dizzy",
        "Sandlot", "Lakefront", "Northside", "Southside", "Grumpy", "Jolly", "Rusty", "Electric", "Cosmic", "Salty",
    ];

    private static readonly string[] Nouns =
    [
        "Beavers", "Otters", "Moose", "Walleyes", "Badgers", "Cheeseheads", "Muskies", "Pierogies", "Brats", "Dingers", "Sliders", "Bombers",
        "Loons", "Gophers", "Herons", "Curds", "Kickers", "Spikers", "Pin Pals", "Gutter Gang", "Lumberjacks", "Snowplows", "Tailgaters", "Dumplings",
    ];

    private static readonly string[] FirstNames =
    [
        "Alex", "Jordan", "Taylor", "Casey", "Morgan", "Riley", "Jamie", "Avery", "Quinn", "Drew", "Sam", "Pat", "Chris", "Dana", "Lee",
        "Maria", "Kevin", "Aisha", "Tom", "Priya", "Luis", "Emma", "Noah", "Olivia", "Liam", "Sofia", "Mateo", "Hannah", "Ben", "Grace",
    ];

    private static readonly string[] LastNames =
    [
        "Kowalski", "Schmidt", "Nguyen", "Johnson", "Garcia", "Olson", "Anderson", "Novak", "Patel", "Brown", "Miller", "Larson", "Hernandez",
        "Kim", "Murphy", "Peterson", "Wojcik", "Schultz", "Lee", "Martinez", "Hansen", "Jensen", "Davis", "Lopez", "Wilson", "Nelson",
    ];

    public async ValueTask<ListingRebuildReport> Handle(SeedTeams command, CancellationToken cancellationToken)
    {
        current.Scope.EnsureSystemAdmin();
        var liveLeagues = (await leagues.AllAsync(cancellationToken)).Where(l => l.Status != LeagueStatus.Archived).ToList();
        if (liveLeagues.Count == 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("count", "There are no leagues to put teams in.")]);
        }

        var sponsorsByCity = (await sponsors.AllAsync(cancellationToken)).Where(s => s.Active)
            .SelectMany(s => s.CityIds.Select(c => (City: c, s.SponsorId)))
            .GroupBy(x => x.City)
            .ToDictionary(g => g.Key, g => g.Select(x => x.SponsorId).ToArray());
        var existing = await db.Teams.AsNoTracking().GroupBy(t => t.LeagueId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var random = new Random(command.RandomSeed);
        var now = time.GetUtcNow();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var writer = await connection.BeginBinaryImportAsync(
                "COPY teams.teams (id, league_id, city_id, name, sponsor_id, captain_name, captain_email, captain_phone, roster_size, status, version, created_at) FROM STDIN (FORMAT BINARY)",
                cancellationToken);
            for (var i = 0; i < command.Count; i++)
            {
                var league = liveLeagues[random.Next(liveLeagues.Count)];
                var ordinal = existing.TryGetValue(league.LeagueId, out var n) ? n : 0;
                existing[league.LeagueId] = ordinal + 1;
                var combos = Adjectives.Length * Nouns.Length;
                // (q(1+A) + a) mod N is one-to-one while gcd(1+A, N) = 1 (25 and 24): unique names, nouns well mixed.
                var round = ordinal % combos;
                var name = $"{Adjectives[round % Adjectives.Length]} {Nouns[((round / Adjectives.Length * (Adjectives.Length + 1)) + (round % Adjectives.Length)) % Nouns.Length]}"
                    + (ordinal >= combos ? $" {(ordinal / combos) + 1}" : string.Empty);
                Guid? sponsor = sponsorsByCity.TryGetValue(league.CityId, out var candidates) && random.NextDouble() < 0.7
                    ? candidates[random.Next(candidates.Length)]
                    : null;
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var created = now.AddMinutes(-random.Next(0, 60 * 24 * 365));

                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(Guid.CreateVersion7(created), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(league.LeagueId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(league.CityId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(name, NpgsqlDbType.Varchar, cancellationToken);
                if (sponsor is { } s)
                {
                    await writer.WriteAsync(s, NpgsqlDbType.Uuid, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }

                await writer.WriteAsync($"{first} {last}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync($"{first}.{last}{i % 1000}@example.org".ToLowerInvariant(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync($"414-555-{random.Next(0, 10000):0000}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(random.Next(8, 20), NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(nameof(TeamStatus.Active), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(created.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return await sender.Send(new RebuildTeamListing(), cancellationToken);
    }
}
