using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Sponsors.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Importing sponsors and leagues over the API, end to end: a messy file previewed row by row (one sponsor however its
/// name is spelled, duplicates, another city's rows, near matches offered), committed and seen through the normal API,
/// a second run all unchanged, a commit refused (409) when a previewed record changed, an undo that restores exactly and
/// leaves alone what changed since, and a viewer who cannot commit.
/// </summary>
public sealed partial class ImportsKindsSponsorsLeaguesTests
{
    private World world = null!;

    static ImportsKindsSponsorsLeaguesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    private static async Task<Guid> StartAsync(HttpClient client, string fileName, byte[] content, string kind, Guid? cityId)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName }, { new StringContent(kind), "kind" } };
        if (cityId is { } city)
        {
            form.Add(new StringContent(city.ToString()), "cityId");
        }

        var response = await client.PostAsync("/api/imports", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await World.ImportSettledAsync(id);
        return id;
    }

    /// <summary>Commits and waits for the background commit: the commit's answer and the import once settled.</summary>
    private static async Task<(HttpStatusCode Status, MidwestSports.Import.Contracts.ImportDto Import)> CommitAsync(HttpClient client, Guid id, string mode)
    {
        var response = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode });
        return (response.StatusCode, await World.ImportSettledAsync(id));
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray()];

    private static async Task<List<JsonElement>> RowsAsync(HttpClient client, Guid id) =>
        await ItemsAsync(client, $"/api/imports/{id}/rows");

    private static (int, int, int, int) Counts(JsonElement import)
    {
        var counts = import.GetProperty("counts");
        return (counts.GetProperty("create").GetInt32(), counts.GetProperty("update").GetInt32(), counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("error").GetInt32());
    }

    private static (int, string?, string?, string?) Problem(JsonElement row)
    {
        var problem = row.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("error").GetBoolean());
        return (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("value").GetString(), problem.GetProperty("code").GetString());
    }

    private static string? ErrorMessage(JsonElement row) =>
        row.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("error").GetBoolean()).GetProperty("message").GetString();

    /// <summary>A record as the API answers it, less its version (an undo's restore is itself a change, so the version grows).</summary>
    private static async Task<JsonObject> JsonWithoutVersionAsync(HttpClient client, string url)
    {
        var json = JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
        json.Remove("version");
        return json;
    }


}
