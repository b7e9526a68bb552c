using System.Net.Http.Json;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Reads of the import API the import tests share.</summary>
internal static class ImportApi
{
    /// <summary>The import's previewed rows (the first page), as the API returns them.</summary>
    public static async Task<List<JsonElement>> RowsAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}/rows")).GetProperty("items").EnumerateArray().ToList();
}
