namespace MidwestSports.Shared.Errors;

/// <summary>Expected failures. The Host maps each to a ProblemDetails status; nothing here is logged as an error.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>404: the entity does not exist, or lies outside the caller's cities (existence must not leak).</summary>
public sealed class NotFoundException(string entity, object id)
    : DomainException($"{entity} '{id}' was not found.")
{
    public string Entity { get; } = entity;
}

/// <summary>409: the request is valid but conflicts with the current state (a duplicate name, a lost race).</summary>
public sealed class ConflictException(string message, string? field = null) : DomainException(message)
{
    /// <summary>The field (as the API spells it) whose value collides, when one does: the answer names it.</summary>
    public string? Field { get; } = field;

    /// <summary>What collided, in detail (the rows whose data changed since a preview): the answer carries it as <c>details</c>.</summary>
    public object? Details { get; init; }
}

/// <summary>
/// 412: the caller edited from a version (If-Match or the body's <c>version</c>) that is no longer current: someone
/// else saved since they read it. Nothing was saved; they reload and apply their change again.
/// </summary>
public sealed class PreconditionFailedException(string entity, long expected, long? current)
    : DomainException($"This {entity.ToLowerInvariant()} was changed by someone else since you opened it (you had version {expected}{(current is { } c ? $", it is now {c}" : string.Empty)}). Nothing was saved: reload it and make your change again.")
{
    public long? CurrentVersion { get; } = current;
}

/// <summary>403: the caller may see the entity but not do this to it.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);
