using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MidwestSports.Teams.Domain;

namespace MidwestSports.Teams.Persistence;

/// <summary>
/// <c>teams.deleted_teams</c>: the archive a restore reads (see <see cref="DeletedTeam"/> for why an archive). No
/// foreign key to <c>teams.teams</c>: its rows are exactly the teams that are no longer there.
/// </summary>
internal sealed class DeletedTeamConfiguration : IEntityTypeConfiguration<DeletedTeam>
{
    public void Configure(EntityTypeBuilder<DeletedTeam> builder)
    {
        builder.ToTable("deleted_teams");
        builder.HasKey(t => t.TeamId);
        builder.Property(t => t.TeamId).ValueGeneratedNever();
        builder.Property(t => t.Team).HasColumnType("jsonb");
        builder.Property(t => t.Players).HasColumnType("jsonb");
        builder.HasIndex(t => t.CityId);
    }
}
