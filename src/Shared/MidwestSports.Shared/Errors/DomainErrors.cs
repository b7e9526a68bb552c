namespace MidwestSports.Shared.Errors;

/// <summary>Expected failures. The Host maps each to a ProblemDetails status; nothing here is logged as an error.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>404: the entity does not exist, or lies outside the caller's cities (existence must not leak).</summary>
public sealed class NotFoundException(string entity, object id)
    : DomainException($"{entity} '{id}' was not found.")
{
    public string Entity { get; } = entity;
}

/// <summary>409: the request is valid but conflicts with the current state (a duplicate name, a stale version).</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>403: the caller may see the entity but not do this to it.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);
