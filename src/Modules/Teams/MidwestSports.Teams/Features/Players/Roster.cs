using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Domain;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features.Players;

/// <summary>What a player may hold: the same text rules as everywhere, a real email, a phone of digits and separators.</summary>
internal sealed class PlayerFieldsValidator : AbstractValidator<PlayerFields>
{
    public PlayerFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredText(100).WithName("Player name");
        RuleFor(x => x.Email).OptionalText(256).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.Phone).OptionalText(40).Matches(@"^[0-9+().\- x]*$").WithMessage("Phone may hold digits, spaces and + ( ) - . x only.");
    }
}

/// <summary>
/// The rules every roster use case shares: the team is read through the caller's scope (another city's team is 404,
/// a read-only role 403 on a write), an email is unique within the team, and a new captain takes over from the old one.
/// </summary>
internal sealed class Roster(TeamsDbContext db)
{
    public async Task<Team> TeamForReadAsync(Guid teamId, CityScope scope, CancellationToken ct) =>
        await db.Teams.AsNoTracking().InScope(scope).SingleOrDefaultAsync(t => t.Id == teamId, ct)
            ?? throw new NotFoundException("Team", teamId);

    public async Task<Team> TeamForWriteAsync(Guid teamId, CityScope scope, CancellationToken ct)
    {
        var team = await TeamForReadAsync(teamId, scope, ct);
        scope.EnsureCanWrite();
        return team;
    }

    public async Task<Player> PlayerAsync(Team team, Guid playerId, CancellationToken ct) =>
        await db.Players.SingleOrDefaultAsync(p => p.Id == playerId && p.TeamId == team.Id, ct)
            ?? throw new NotFoundException("Player", playerId);

    public async Task EnsureUniqueEmailAsync(Team team, Guid? playerId, PlayerFields fields, CancellationToken ct)
    {
        if (TextRules.Clean(fields.Email) is not { } email)
        {
            return;
        }

        var key = email.ToLowerInvariant();
        if (await db.Players.AnyAsync(p => p.TeamId == team.Id && p.Id != playerId && EF.Property<string?>(p, PlayerConfiguration.EmailKey) == key, ct))
        {
            throw new ConflictException($"A player with the email '{email}' is already on {team.Name}.", "email");
        }
    }

    /// <summary>
    /// Saves <paramref name="change"/>; when the player becomes captain, the previous captain steps down first, in the same
    /// transaction (two saves, so the one-captain index never sees two at once).
    /// </summary>
    public async Task SaveAsync(Team team, Player player, bool becomesCaptain, Action change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (becomesCaptain)
        {
            var previous = await db.Players.Where(p => p.TeamId == team.Id && p.IsCaptain && p.Id != player.Id).ToListAsync(ct);
            previous.ForEach(p => p.StepDownAsCaptain());
            await db.SaveChangesAsync(ct);
        }

        change();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
