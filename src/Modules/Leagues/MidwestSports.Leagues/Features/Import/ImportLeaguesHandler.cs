using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Features.Import;

/// <summary>
/// An import's leagues in one transaction: the rules of a single create or update (valid fields, an existing city the
/// caller holds, a name unique in its city and season, the version read), checked for every row before anything is
/// written; each league gets the outbox message its single create or update would raise. A created league keeps the
/// file's status but is not shown on the public site until an admin turns that on. Any broken rule fails the whole import.
/// </summary>
internal sealed class ImportLeaguesHandler(LeaguesDbContext db, CurrentScope current, TimeProvider time)
    : ICommandHandler<ImportLeagues, IReadOnlyList<LeagueImportResult>>
{
    private static readonly LeagueFieldsValidator Validator = new();

    public async ValueTask<IReadOnlyList<LeagueImportResult>> Handle(ImportLeagues command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        var rows = command.Rows;
        var cityIds = rows.Select(r => r.Fields.CityId).Distinct().ToList();
        var cityNames = await db.Cities.AsNoTracking().Where(c => cityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            var validation = Validator.Validate(rows[i].Fields);
            if (!validation.IsValid)
            {
                throw new ValidationException(validation.Errors.Select(e => new ValidationFailure($"rows[{i}].{e.PropertyName}", e.ErrorMessage)));
            }

            scope.EnsureCanWriteIn(rows[i].Fields.CityId);
            if (!cityNames.ContainsKey(rows[i].Fields.CityId))
            {
                throw new ValidationException([new ValidationFailure($"rows[{i}].cityId", "The city does not exist.")]);
            }
        }

        await EnsureUniqueAsync(rows, cancellationToken);
        var updateIds = rows.Where(r => r.LeagueId is not null).Select(r => r.LeagueId!.Value).ToList();
        var existing = await db.Leagues.InScope(scope).Where(l => updateIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        current.AuditReason = $"import {command.ImportId}";
        var now = time.GetUtcNow();
        var results = new LeagueImportResult[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.LeagueId is { } id)
            {
                var league = existing.GetValueOrDefault(id) ?? throw new ConflictException($"Row {i + 1}: the league was deleted since the preview. Preview the file again.");
                if (row.ExpectedVersion is { } expected && league.Version != expected)
                {
                    throw new ConflictException($"Row {i + 1}: {league.Name} was changed by someone else since the preview. Preview the file again.");
                }

                var before = await BeforeAsync(league, cancellationToken);
                db.AddToOutbox(league.ToChanged(league.Update(row.Fields)), now);
                results[i] = new LeagueImportResult(league.Id, league.Version, before);
            }
            else
            {
                var league = League.Create(row.Fields with { PublicVisible = false }, now, row.NewLeagueId);
                db.Leagues.Add(league);
                db.AddToOutbox(league.ToChanged(LeagueChange.Created), now);
                results[i] = new LeagueImportResult(league.Id, league.Version, null);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException("A league of one of these names, cities and seasons was added since the preview (or the league already exists). Preview the file again.", "name");
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("A league in this import was changed by someone else while it was being saved. Preview the file again.");
        }

        current.AuditReason = null;
        return results;
    }

    private async Task<LeagueDto> BeforeAsync(League league, CancellationToken ct) =>
        LeagueRows.ToDto(league, await db.Cities.Where(c => c.Id == league.CityId).Select(c => c.Name).SingleAsync(ct));

    /// <summary>A league's name is unique in its city and season ignoring case: against the leagues there and the other rows.</summary>
    private async Task EnsureUniqueAsync(IReadOnlyList<LeagueImportRow> rows, CancellationToken ct)
    {
        var keyed = rows.Select(r => (Id: r.LeagueId ?? r.NewLeagueId, r.Fields, Key: (r.Fields.CityId, r.Fields.SeasonYear, r.Fields.Term, Name: NameKeys.Of(r.Fields.Name)))).ToList();
        var twice = keyed.GroupBy(k => k.Key).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ConflictException($"The import names the league '{twice.First().Fields.Name.Trim()}' twice for {twice.Key.Term} {twice.Key.SeasonYear}.", "name");
        }

        var cityIds = keyed.Select(k => k.Key.CityId).Distinct().ToList();
        var taken = (await db.Leagues.AsNoTracking().Where(l => cityIds.Contains(l.CityId))
                .Select(l => new { l.Id, l.CityId, l.SeasonYear, l.Term, Name = EF.Property<string>(l, NameKeys.Column) })
                .ToListAsync(ct))
            .ToLookup(l => (l.CityId, l.SeasonYear, l.Term, l.Name), l => l.Id);
        var clash = keyed.FirstOrDefault(k => taken[k.Key].Any(id => id != k.Id));
        if (clash.Fields is not null)
        {
            throw new ConflictException($"A league named '{clash.Fields.Name.Trim()}' already exists in that city for {clash.Key.Term} {clash.Key.SeasonYear}.", "name");
        }
    }
}
