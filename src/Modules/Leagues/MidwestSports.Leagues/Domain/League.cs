using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;

namespace MidwestSports.Leagues.Domain;

internal sealed class League : ICityOwned
{
    /// <summary>The sports Midwest Sports runs; a league's sport is one of them.</summary>
    public static readonly string[] Sports = [.. LeagueSports.All];

    private League()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Sport { get; private set; } = string.Empty;

    public Guid CityId { get; private set; }

    public int SeasonYear { get; private set; }

    public SeasonTerm Term { get; private set; }

    public DayOfWeek Night { get; private set; }

    /// <summary>Level or division, e.g. "Recreational", "Competitive", "Co-ed A".</summary>
    public string Level { get; private set; } = string.Empty;

    public LeagueStatus Status { get; private set; }

    public long Version { get; private set; }

    /// <summary>The score a forfeit is recorded as, winner's side (rec leagues commonly use 7-0 in softball and kickball).</summary>
    public int ForfeitWinScore { get; private set; } = 7;

    public int ForfeitLossScore { get; private set; }

    /// <summary>The name of the league's tie-breaker rule set (see <c>TieBreakerRuleSets</c>).</summary>
    public string TieBreakers { get; private set; } = "standard";

    /// <summary>Largest margin one game adds to the capped differential; null: uncapped.</summary>
    public int? DifferentialCap { get; private set; } = 10;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Off: the league stays off the public site even once out of Draft.</summary>
    public bool PublicVisible { get; private set; } = true;

    /// <summary>Stamped by the context on every save that changes the league (<c>LeaguesDbContext</c>).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>What the public site may show: out of Draft, not Archived, and not turned off.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<League, bool>> IsPublished =
        l => l.PublicVisible && (l.Status == LeagueStatus.Registration || l.Status == LeagueStatus.Active || l.Status == LeagueStatus.Completed);

    /// <param name="id">The id to create it with (an import chooses it while planning); otherwise a new one.</param>
    public static League Create(LeagueFields fields, DateTimeOffset now, Guid? id = null)
    {
        var league = new League { Id = id ?? Guid.CreateVersion7(now), CreatedAt = now, UpdatedAt = now };
        league.Apply(fields);
        league.Version = 1;
        return league;
    }

    /// <summary>Applies new fields and says what kind of change it was, for the event other modules receive.</summary>
    public LeagueChange Update(LeagueFields fields)
    {
        var change = fields.CityId != CityId ? LeagueChange.Moved
            : fields.Status == LeagueStatus.Archived && Status != LeagueStatus.Archived ? LeagueChange.Archived
            : !string.Equals(fields.Name.Trim(), Name, StringComparison.Ordinal) ? LeagueChange.Renamed
            : LeagueChange.Updated;
        Apply(fields);
        Version++;
        return change;
    }

    public void SetRules(int forfeitWinScore, int forfeitLossScore, string tieBreakers, int? differentialCap)
    {
        ForfeitWinScore = forfeitWinScore;
        ForfeitLossScore = forfeitLossScore;
        TieBreakers = tieBreakers;
        DifferentialCap = differentialCap;
        Version++;
    }

    public void Archive()
    {
        Status = LeagueStatus.Archived;
        Version++;
    }

    public LeagueChanged ToChanged(LeagueChange change) =>
        new(Guid.CreateVersion7(), Id, change, Name, Sport, CityId, SeasonYear, Term, Status, Version, PublicVisible);

    /// <summary>The last message of a deleted league: one version newer, so every replica applies it.</summary>
    public LeagueChanged ToDeleted() =>
        new(Guid.CreateVersion7(), Id, LeagueChange.Deleted, Name, Sport, CityId, SeasonYear, Term, Status, Version + 1, PublicVisible);

    private void Apply(LeagueFields fields)
    {
        Name = fields.Name.Trim();
        Sport = Sports.First(s => string.Equals(s, fields.Sport.Trim(), StringComparison.OrdinalIgnoreCase));
        CityId = fields.CityId;
        SeasonYear = fields.SeasonYear;
        Term = fields.Term;
        Night = fields.Night;
        Level = fields.Level.Trim();
        Status = fields.Status;
        PublicVisible = fields.PublicVisible ?? PublicVisible;
    }
}
