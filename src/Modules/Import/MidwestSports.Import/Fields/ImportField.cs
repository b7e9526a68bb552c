namespace MidwestSports.Import.Fields;

/// <summary>
/// A field a kind's rows carry: its API name, the header the template writes, whether a row needs it, and the other
/// headers admins' files use for it ("Squad", "Captain E-mail"). Values are always read as text first: a phone, a ZIP
/// or an id keeps its leading zeros.
/// </summary>
internal sealed record ImportField(string Name, string Header, bool Required, params string[] Synonyms);
