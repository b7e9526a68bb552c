namespace MidwestSports.Shared.Contracts;

/// <summary>
/// An editable resource as the API returns it: its version grows by one with every saved change. The API sends it as
/// the ETag, and a client returns it (If-Match, or <c>version</c> in the body) to edit exactly what it read.
/// </summary>
public interface IVersioned
{
    long Version { get; }
}
