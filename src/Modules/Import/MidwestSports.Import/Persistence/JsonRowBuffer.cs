using System.Buffers;
using System.Text.Json;
using MidwestSports.Import.Domain;

namespace MidwestSports.Import.Persistence;

/// <summary>
/// A COPY row's JSON, written as UTF-8 into one buffer that the next row reuses. The binary importer copies a value's
/// bytes as it is written, so the JSON of a 100,000-row preview is never 100,000 strings (and their UTF-8 encoding by
/// the driver) to collect. The same options as <see cref="ImportBatch.Json"/>, so what is read back is unchanged.
/// </summary>
internal sealed class JsonRowBuffer
{
    private readonly ArrayBufferWriter<byte> buffer = new(1024);

    private readonly Utf8JsonWriter writer;

    public JsonRowBuffer()
    {
        // A writer's encoder and indenting are its own, not the serializer options': take them from the same options.
        writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ImportBatch.Json.Encoder, Indented = ImportBatch.Json.WriteIndented });
    }

    /// <summary>A value serialized as <paramref name="type"/> (a module's write row); valid until the next call.</summary>
    public ReadOnlyMemory<byte> Of(object value, Type type)
    {
        Start();
        JsonSerializer.Serialize(writer, value, type, ImportBatch.Json);
        return End();
    }

    /// <summary>A value serialized as its declared type; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Of<T>(T value)
    {
        Start();
        JsonSerializer.Serialize(writer, value, ImportBatch.Json);
        return End();
    }

    /// <summary>A row's texts by field, as the serializer writes a dictionary (keys as they are, nulls kept); valid until the next call.</summary>
    public ReadOnlyMemory<byte> OfTexts(IReadOnlyDictionary<string, string?> values)
    {
        Start();
        writer.WriteStartObject();
        foreach (var (field, text) in values)
        {
            if (text is null)
            {
                writer.WriteNull(field);
            }
            else
            {
                writer.WriteString(field, text);
            }
        }

        writer.WriteEndObject();
        return End();
    }

    private void Start()
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
    }

    private ReadOnlyMemory<byte> End()
    {
        writer.Flush();
        return buffer.WrittenMemory;
    }
}
