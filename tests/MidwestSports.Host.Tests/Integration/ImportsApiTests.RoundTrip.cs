using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// The round trip an admin relies on, as a property over generated files: whatever teams a file imports (names with
/// accents, punctuation, quotes, commas, formula-like starts; sponsors spelled in other cases and spacing; leading-zero
/// phones), once committed, the team export read back through the import is every row unchanged.
/// </summary>
public sealed partial class ImportsApiTests
{
    private static readonly string[] NameParts = ["Otters", "Zoë's", "Brontë", "Café", "\"Fast\" Ones", "Herons, Inc.", "=Sum", "+Plus", "-Dash", "@At", "Crème", "O'Neil", "Ünited", "Ninety 9", "  spaced  out "];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task ImportThenExportThenImport_IsAllUnchanged(int seed)
    {
        var random = new Random(seed);
        var leagues = new[] { await world.LeagueInAsync(world.Milwaukee), await world.LeagueInAsync(world.Milwaukee, "Wednesday Bowling") };
        var sponsors = new[] { "Joe's Pub", "Lakefront Brewery", "Café Benelux" };
        foreach (var sponsor in sponsors)
        {
            await world.SponsorInAsync(world.Milwaukee, sponsor);
        }

        var csv = new StringBuilder("Team,League,Sponsor,Captain,Captain Email,Captain Phone,Roster Size\n");
        var names = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var name = $"{NameParts[random.Next(NameParts.Length)]} {NameParts[random.Next(NameParts.Length)]} {i}";
            var sponsor = random.Next(3) == 0 ? string.Empty : Respell(sponsors[random.Next(sponsors.Length)], random);
            csv.Append(SafeCsv.Cell(name)).Append(',').Append(leagues[random.Next(2)].Name).Append(',').Append(SafeCsv.Cell(sponsor)).Append(',')
                .Append(SafeCsv.Cell($"Captain {NameParts[random.Next(NameParts.Length)]}")).Append(',')
                .Append(random.Next(2) == 0 ? string.Empty : $"c{i}@example.org").Append(',')
                .Append(random.Next(2) == 0 ? string.Empty : $"0{random.Next(100, 999)} 555 {random.Next(1000, 9999)}").Append(',')
                .Append(random.Next(0, 25)).Append('\n');
        }

        using var client = world.Client(Persona.MilwaukeeAdmin);
        var first = await IdAsync(await PostAsync(client, "generated.csv", Encoding.UTF8.GetBytes(csv.ToString()), "teams", world.Milwaukee));
        var preview = await World.ImportSettledAsync(first);
        await client.PostAsJsonAsync($"/api/imports/{first}/commit", new { mode = "all" });
        var committed = await World.ImportSettledAsync(first);
        var export = await client.GetByteArrayAsync("/api/teams/export.csv");
        var again = await World.ImportSettledAsync(await IdAsync(await PostAsync(client, "export.csv", export, "teams", null)));

        Assert.Multiple(() =>
        {
            Assert.That((preview.Counts.Create, preview.Counts.Error), Is.EqualTo((40, 0)), preview.Message);
            Assert.That((committed.Status.ToString(), committed.Outcome?.Created), Is.EqualTo(("Committed", 40)), committed.Message);
            Assert.That((again.Rows, again.Counts.Unchanged), Is.EqualTo((40, 40)), "the export read back changes nothing");
        });
    }

    /// <summary>The same sponsor as an admin might type it: another case, doubled or trailing spaces, the apostrophe dropped.</summary>
    private static string Respell(string name, Random random) => random.Next(4) switch
    {
        0 => name.ToUpperInvariant() + " ",
        1 => name.Replace("'", string.Empty, StringComparison.Ordinal),
        2 => name.Replace(" ", "  ", StringComparison.Ordinal).ToLowerInvariant(),
        _ => name,
    };
}
