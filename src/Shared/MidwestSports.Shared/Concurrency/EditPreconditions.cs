using MidwestSports.Shared.Errors;

namespace MidwestSports.Shared.Concurrency;

/// <summary>
/// The version a request edits from: the body's <c>version</c>, else the If-Match header (which the Host reads into
/// <see cref="IfMatch"/>). A handler checks it against the entity it loaded; the row's version is also the entity's
/// concurrency token, so a race lost between that check and the UPDATE fails the save too, and never overwrites.
/// Without either, the edit is unconditional (older clients and scripts keep working).
/// </summary>
public sealed class EditPreconditions
{
    /// <summary>The version from If-Match, when the request carried one.</summary>
    public long? IfMatch { get; set; }

    /// <summary>The version this request said it edits from, once <see cref="Verify"/> has seen one.</summary>
    public long? Expected { get; private set; }

    public string? Entity { get; private set; }

    /// <summary>Throws 412 when the caller edits from a version that is no longer <paramref name="current"/>.</summary>
    public void Verify(string entity, long current, long? bodyVersion)
    {
        var expected = bodyVersion ?? IfMatch;
        if (expected is not { } version)
        {
            return;
        }

        Entity = entity;
        Expected = version;
        if (version != current)
        {
            throw new PreconditionFailedException(entity, version, current);
        }
    }
}
