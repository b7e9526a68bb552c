using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Spreadsheets;
using MidwestSports.Testing;
using Npgsql;

namespace MidwestSports.Import.Tests;

/// <summary>
/// What the import stores, against a real PostgreSQL: the uploaded file streamed into its column (never held whole by
/// the driver), and a planned row's JSON written as UTF-8 bytes, read back as the same values.
/// </summary>
[NonParallelizable]
public sealed class ImportRowWriterTests
{
    private TestPostgres database = null!;

    private NpgsqlDataSource dataSource = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        database = await TestPostgres.CreateAsync("import_writer");
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    [OneTimeTearDown]
    public async Task DropDatabaseAsync()
    {
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task SaveFile_StreamsALargeFileIntoTheColumn_WithoutHoldingItInMemory()
    {
        const int size = 16 * 1024 * 1024;
        var bytes = new byte[size];
        new Random(11).NextBytes(bytes);
        var importId = Guid.NewGuid();
        await using var copy = await ImportFileCopy.OfUploadAsync(new MemoryStream(bytes), CancellationToken.None, "test-writer");
        await using var db = Context();
        await db.Database.OpenConnectionAsync();
        await using var writer = new ImportRowWriter(db);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await writer.SaveFileAsync(importId, copy.Source, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var stored = await database.ScalarAsync<byte[]>("SELECT sha256(content) FROM import.import_files WHERE import_id = $1", importId);
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(SHA256.HashData(bytes)), "the column holds the file, byte for byte");
            // Npgsql copies a stream it cannot seek (such as its own part-stream, made when a Size is given) into a
            // MemoryStream first: at least the file's 16 MB. Streamed, a save allocates its buffers only.
            Assert.That(allocated, Is.LessThan(size / 4), $"{allocated:N0} bytes allocated to store a {size:N0}-byte file");
        });
    }

    [Test]
    public async Task WriteRow_ValuesChangesAndProblemsAsUtf8Json_ReadBackAsWritten()
    {
        var importId = Guid.NewGuid();
        var fields = new RowFields([("name", 0), ("league", 2), ("captainPhone", 3), ("notes", 1)]);
        var values = new RowValues(fields, new SheetRow(7, ["Zoë \"Z\" Brontë", "=cmd|' /C calc'!A0\n<b>", "Tuesday Kickball"]));
        var plan = new RowPlan(7, RowAction.Update, null, Guid.NewGuid(), values, [new FieldChangeDto("name", "Zoe", "Zoë \"Z\" Brontë")], [])
        {
            Suggestions = [new SuggestionDto(Guid.NewGuid(), "Zoe B", 0.91)],
        };
        await using var db = Context();
        await db.Database.OpenConnectionAsync();
        await using (var writer = new ImportRowWriter(db))
        {
            await writer.WriteAsync(importId, new PlannedRow(1, ImportKind.Teams, null, plan, null), CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        var row = await db.Rows.AsNoTracking().SingleAsync(r => r.ImportId == importId);

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Deserialize<Dictionary<string, string?>>(row.Values, ImportBatch.Json), Is.EqualTo(new Dictionary<string, string?>
            {
                ["name"] = "Zoë \"Z\" Brontë", ["league"] = "Tuesday Kickball", ["captainPhone"] = null, ["notes"] = "=cmd|' /C calc'!A0\n<b>",
            }));
            Assert.That(JsonSerializer.Deserialize<FieldChangeDto[]>(row.Changes, ImportBatch.Json), Is.EqualTo(new[] { new FieldChangeDto("name", "Zoe", "Zoë \"Z\" Brontë") }));
            Assert.That(row.Problems, Is.EqualTo("[]"));
            Assert.That(JsonSerializer.Deserialize<SuggestionDto[]>(row.Suggestions, ImportBatch.Json)!.Single().Name, Is.EqualTo("Zoe B"));
        });
    }

    private ImportDbContext Context() =>
        new(new DbContextOptionsBuilder<ImportDbContext>().UseModulePostgres(dataSource, ImportDbContext.SchemaName).Options);
}
