using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>The manual fallback: a partner export uploaded, previewed (nothing applied), then applied through the sync's pipeline.</summary>
public sealed partial class TriviaSyncTests
{
    private const string Header = "Event ID,Status,Date,Start Time,Venue ID,Venue Name,City,Team ID,Team Name,R1,R2,Bonus,Total,Rank";

    static TriviaSyncTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Test]
    public async Task Upload_Windows1252WithSemicolons_PreviewsAppliesNothingThenApplies()
    {
        var csv = """
            event_id;STATUS;date;startTime;venue id;Venue name;city;team-id;team name;Round 1;Round 2;bonus;total;rank
            ev-1;final;2026-11-03;7:00 PM;v-1;The Tap Room;Milwaukee;t-1;Quizzly Bears;20;28;2;50;1
            ev-1;final;2026-11-03;7:00 PM;v-1;The Tap Room;Milwaukee;t-2;Know It Ales;18;20;2;40;2
            ev-1;final;2026-11-03;7:00 PM;v-1;The Tap Room;Milwaukee;t-7;Les Généralistes – Café;10;10;0;20;3
            """;
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var (response, preview) = await UploadAsync(client, "nights.csv", Encoding.GetEncoding(1252).GetBytes(csv));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), preview.ToString());
        Assert.Multiple(async () =>
        {
            Assert.That(preview.GetProperty("encoding").GetString(), Is.EqualTo("Windows-1252"));
            Assert.That(preview.GetProperty("delimiter").GetString(), Is.EqualTo(";"));
            Assert.That(preview.GetProperty("status").GetString(), Is.EqualTo("Previewed"));
            Assert.That(preview.GetProperty("preview").GetProperty("resultsCreated").GetInt32(), Is.EqualTo(3), preview.ToString());
            Assert.That(preview.GetProperty("preview").GetProperty("unmatched").GetInt32(), Is.EqualTo(1), "Les Généralistes is no Midwest team");
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.results"), Is.Zero, "a preview applies nothing");
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.partner_links"), Is.Zero, "a preview queues nothing");
        });

        var applied = await client.PostAsync($"/api/trivia/uploads/{preview.GetProperty("id").GetGuid()}/apply", null);
        var body = await applied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(applied.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("applied").GetProperty("resultsCreated").GetInt32(), Is.EqualTo(3));
        var nights = await client.GetFromJsonAsync<JsonElement>($"/api/trivia/leagues/{leagueId}/nights");
        var night = nights.EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(night.GetProperty("startTime").GetString(), Does.StartWith("19:00"));
            Assert.That(night.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("partnerTeamName").GetString()), Does.Contain("Les Généralistes – Café"));
        });
    }

    [Test]
    public async Task Upload_Utf8BomWithUnknownColumnFormulaAndBadNumber_ReportsRowsAndPreviewsTheRest()
    {
        var csv = Header + ",Notes\n"
            + "ev-1,final,2026-11-03,19:00,v-1,The Tap Room,Milwaukee,t-1,Quizzly Bears,20,28,2,50,1,\n"
            + "ev-1,final,2026-11-03,19:00,v-1,The Tap Room,Milwaukee,t-2,\"=HYPERLINK(\"\"http://x\"\")\",18,20,2,40,2,\n"
            + "ev-2,final,2026-11-10,19:00,v-1,The Tap Room,Milwaukee,t-1,Quizzly Bears,10,10,0,20,1,\n"
            + "ev-2,final,2026-11-10,19:00,v-1,The Tap Room,Milwaukee,t-2,Know It Ales,10,10,0,2O,2,\n";
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var (response, preview) = await UploadAsync(client, "nights.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), preview.ToString());
        var messages = preview.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("row").GetInt32(), m.GetProperty("column").GetString(), m.GetProperty("message").GetString()!, m.GetProperty("error").GetBoolean())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(preview.GetProperty("encoding").GetString(), Is.EqualTo("UTF-8 (BOM)"));
            Assert.That(messages, Has.Some.Matches<(int Row, string? Column, string Message, bool Error)>(m => m.Row == 1 && m.Column == "Notes" && !m.Error), "the unknown column is reported");
            Assert.That(messages, Has.Some.Matches<(int Row, string? Column, string Message, bool Error)>(m => m.Row == 3 && m.Column == "Team Name" && m.Message.Contains("formula", StringComparison.Ordinal) && !m.Error));
            Assert.That(messages, Has.Some.Matches<(int Row, string? Column, string Message, bool Error)>(m => m.Row == 5 && m.Column == "Total" && m.Message.Contains("'2O' is not a whole number", StringComparison.Ordinal) && m.Error));
            Assert.That(preview.GetProperty("preview").GetProperty("nights").GetInt32(), Is.EqualTo(1), "ev-2 has a bad row: it waits");
            Assert.That(preview.GetProperty("preview").GetProperty("nightsSkipped").GetInt32(), Is.EqualTo(1));
            Assert.That(preview.GetProperty("preview").GetProperty("resultsCreated").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Upload_XlsxAppliedThenTheSameNightSynced_IsUnchangedAndASecondApplyIs409()
    {
        var feedNight = Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50), ("t-2", "Know It Ales", 40));
        var sheet = feedNight.Results.Select(r => new Dictionary<string, object>
        {
            ["Event ID"] = feedNight.EventId, ["Status"] = "final", ["Date"] = new DateTime(2026, 11, 3), ["Start Time"] = "19:00", ["Venue ID"] = "v-1",
            ["Venue Name"] = "The Tap Room", ["City"] = "Milwaukee", ["Team ID"] = r.TeamId, ["Team Name"] = r.TeamName, ["R1"] = r.Rounds[0], ["Bonus"] = r.Bonus,
            ["Total"] = r.Total, ["Season"] = "2026-fall", ["Week"] = 1, ["Game Type"] = "regular", ["Last Modified"] = feedNight.LastModified.ToString("O"),
        }).ToList();
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(sheet, excelType: ExcelType.XLSX);
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var (response, preview) = await UploadAsync(client, "nights.xlsx", xlsx.ToArray());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), preview.ToString());
        Assert.That(preview.GetProperty("encoding").GetString(), Is.EqualTo("xlsx"));
        var id = preview.GetProperty("id").GetGuid();
        var first = await client.PostAsync($"/api/trivia/uploads/{id}/apply", null);
        var second = await client.PostAsync($"/api/trivia/uploads/{id}/apply", null);
        partner.Pages.Enqueue(Page([feedNight], next: null));
        var run = await SyncAsync(client);

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(run.GetProperty("resultsCreated").GetInt32() + run.GetProperty("resultsUpdated").GetInt32(), Is.Zero, run.ToString());
            Assert.That(run.GetProperty("resultsUnchanged").GetInt32(), Is.EqualTo(2), "the uploaded night and the synced night are the same data");
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.nights"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Upload_RequiredColumnMissing_400NamingIt()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var (response, problem) = await UploadAsync(client, "nights.csv", Encoding.UTF8.GetBytes("Event ID,Team ID,Total\nev-1,t-1,50\n"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain("status").And.Contain("venueId"));
    }

    [Test]
    public async Task Upload_AnotherCitysNights_AreReportedAndNotApplied()
    {
        var csv = Header + "\nev-1,final,2026-11-03,19:00,v-1,The Tap Room,Milwaukee,t-1,Quizzly Bears,20,28,2,50,1\n";
        using var chicago = world.Client(Persona.ChicagoAdmin, app);
        using var milwaukee = world.Client(Persona.MilwaukeeAdmin, app);

        var (_, preview) = await UploadAsync(chicago, "nights.csv", Encoding.UTF8.GetBytes(csv));
        var applied = await chicago.PostAsync($"/api/trivia/uploads/{preview.GetProperty("id").GetGuid()}/apply", null);
        var (_, milwaukeeUpload) = await UploadAsync(milwaukee, "nights.csv", Encoding.UTF8.GetBytes(csv));
        var foreign = await chicago.PostAsync($"/api/trivia/uploads/{milwaukeeUpload.GetProperty("id").GetGuid()}/apply", null);

        Assert.Multiple(async () =>
        {
            Assert.That(preview.GetProperty("preview").GetProperty("nightsSkipped").GetInt32(), Is.EqualTo(1), preview.ToString());
            Assert.That(preview.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("message").GetString()), Has.Some.Contains("not one of your cities"));
            Assert.That(applied.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another city's upload does not exist for them");
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.results"), Is.Zero);
        });
    }

    [Test]
    public async Task Upload_EmptyFile_400NamingTheFileField()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var (response, problem) = await UploadAsync(client, "nights.csv", []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty("file", out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Upload_Viewer_403()
    {
        using var client = world.Client(Persona.MadisonViewer, app);

        var (response, _) = await UploadAsync(client, "nights.csv", Encoding.UTF8.GetBytes(Header + "\n"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        var response = await client.PostAsync("/api/trivia/uploads", form);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
