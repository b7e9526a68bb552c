using System.Net.Http.Json;
using System.Text;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// The teams an import creates are written by COPY, not through SaveChanges: they must leave the same trail as a team
/// created one at a time (an audit entry of the same shape, carrying the import's id, and a published TeamChanged).
/// </summary>
public sealed partial class ImportsApiTests
{
    /// <summary>Per audited team: entity type, action, the changed fields' names, whether its city is the team's.</summary>
    private const string AuditShapeSql = """
        SELECT string_agg(a.entity_type || '|' || a.action || '|' || (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(a.changes) k)
                          || '|' || (a.city_id = t.city_id)::text || '|' || (a.changes -> 'Status' ->> 'new') || '|' || (a.changes -> 'Version' ->> 'new'), ';')
        FROM teams.audit_log a JOIN teams.teams t ON t.id::text = a.entity_id
        WHERE t.name = ANY($1)
        """;

    [Test]
    public async Task Commit_CreatedTeams_AuditedAndPublishedLikeATeamCreatedOneAtATime()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        const string csv = """
            Team,League,Sponsor,Captain,Captain Email,Captain Phone
            Herons,Tuesday Kickball,,Robin New,robin@example.org,
            Larks,Tuesday Kickball,Joe's Pub,Kim Lark,kim@example.org,0414 555 0101
            Wrens,Tuesday Kickball,,Sam Wren,,
            """;
        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(csv), "teams", world.Milwaukee));

        await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var committed = await World.ImportSettledAsync(id);
        var one = await Database.Postgres.ScalarAsync<string>(AuditShapeSql, (object)new[] { "Otters" });
        var imported = (await Database.Postgres.ScalarAsync<string>(AuditShapeSql, (object)new[] { "Herons", "Larks", "Wrens" }))!.Split(';');
        var reasons = await Database.Postgres.ScalarAsync<string>(
            "SELECT string_agg(DISTINCT coalesce(a.reason, '(none)'), ';') FROM teams.audit_log a JOIN teams.teams t ON t.id::text = a.entity_id WHERE t.name IN ('Herons', 'Larks', 'Wrens')");
        var messages = await Database.Postgres.ScalarAsync<string>("""
            SELECT string_agg(DISTINCT m.type || '|' || (m.processed_at IS NOT NULL)::text || '|' || (m.payload ->> 'version'), ';')
            FROM teams.outbox_messages m JOIN teams.teams t ON m.payload ->> 'teamId' = t.id::text WHERE t.name = ANY($1)
            """, (object)new[] { "Herons", "Larks", "Wrens" });
        var oneMessage = await Database.Postgres.ScalarAsync<string>("""
            SELECT string_agg(DISTINCT m.type || '|' || (m.processed_at IS NOT NULL)::text || '|' || (m.payload ->> 'version'), ';')
            FROM teams.outbox_messages m JOIN teams.teams t ON m.payload ->> 'teamId' = t.id::text WHERE t.name = ANY($1)
            """, (object)new[] { "Otters" });
        var replica = await Database.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM leagues.league_teams r JOIN teams.teams t ON t.id = r.team_id WHERE t.name IN ('Herons', 'Larks', 'Wrens')");

        Assert.Multiple(() =>
        {
            Assert.That(committed.Status.ToString(), Is.EqualTo("Committed"), committed.Message);
            Assert.That(one, Is.Not.Null.And.Contains("Team|Created|"));
            Assert.That(imported, Is.EqualTo(new[] { one, one, one }), "one audit entry per team, the same fields as a single create");
            Assert.That(reasons, Is.EqualTo($"import {id}"), "each change carries the import's id");
            Assert.That(messages, Is.Not.Null.And.EqualTo(oneMessage), "a TeamChanged per team, published after the commit");
            Assert.That(replica, Is.EqualTo(3), "the Leagues module's replica received them");
        });
    }
}
