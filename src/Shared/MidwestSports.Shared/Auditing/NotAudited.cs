namespace MidwestSports.Shared.Auditing;

/// <summary>
/// An entity the audit log leaves out: a machine-made copy of facts another module already audited where a person
/// changed them (the public change feed's rows, written for every event). Auditing it would record each change twice,
/// under a job's name, and bury the people's entries.
/// </summary>
public interface INotAudited;
