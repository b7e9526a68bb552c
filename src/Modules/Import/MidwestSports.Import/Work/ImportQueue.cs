using System.Threading.Channels;
using MidwestSports.Import.Contracts;
using MidwestSports.Shared.Access;

namespace MidwestSports.Import.Work;

/// <summary>Work on an import that runs after the request answers, as the admin who asked (their scope travels with it).</summary>
internal abstract record ImportWork(Guid ImportId, CityScope Scope);

/// <summary>Plan every row of the stored file with the stored mapping and decisions, and store the plan (the preview).</summary>
internal sealed record AnalyzeWork(Guid ImportId, CityScope Scope) : ImportWork(ImportId, Scope);

/// <summary>
/// Apply the writes the commit request checked against the preview and stored (<see cref="Persistence.ImportWriteStore"/>),
/// kind by kind, each in its module's transaction; <see cref="Kinds"/> says how many writes each kind has.
/// </summary>
internal sealed record CommitWork(Guid ImportId, CityScope Scope, CommitMode Mode, IReadOnlyList<(Contracts.ImportKind Kind, int Writes)> Kinds, int Skipped)
    : ImportWork(ImportId, Scope);

/// <summary>Undo what the commit applied, kinds in reverse order.</summary>
internal sealed record UndoWork(Guid ImportId, CityScope Scope) : ImportWork(ImportId, Scope);

/// <summary>The imports' background work, in this process, one item at a time (imports are rare and heavy).</summary>
internal sealed class ImportQueue
{
    private readonly Channel<ImportWork> work = Channel.CreateUnbounded<ImportWork>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(ImportWork item, CancellationToken ct) => work.Writer.WriteAsync(item, ct);

    public IAsyncEnumerable<ImportWork> ReadAllAsync(CancellationToken ct) => work.Reader.ReadAllAsync(ct);
}
