using MidwestSports.Import.Contracts;

namespace MidwestSports.Import.Domain;

/// <summary>
/// A write the commit request checked against the preview (a create or update, in the owning module's Contracts terms
/// as JSON), kept until the commit job has applied it: the job reads them back a page at a time, so no process holds a
/// whole file's writes in memory.
/// </summary>
internal sealed class ImportWriteRecord
{
    public Guid ImportId { get; set; }

    public int RowId { get; set; }

    public ImportKind Kind { get; set; }

    public int Line { get; set; }

    public RowAction Action { get; set; }

    public string Write { get; set; } = "{}";
}
