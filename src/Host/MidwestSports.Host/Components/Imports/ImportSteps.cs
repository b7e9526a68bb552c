namespace MidwestSports.Host.Components.Imports;

/// <summary>The wizard's steps, in order.</summary>
public enum ImportStep
{
    Upload,
    Mapping,
    Preview,
    Commit,
    Result,
}
