using System.Net.Http.Json;
using System.Text;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// The teams an import creates are written by COPY, not through SaveChanges: they must leave the same trail as a team
/// created one at a time (an audit entry of the same shape, carrying the import's id), and each team's TeamChanged,
/// published in one TeamsChanged per batch (ADR 0026) with the same fields as a TeamChanged of its own.
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
        // Per message: its type, whether it was published, and per team in it its version and field names.
        var batches = await Database.Postgres.ScalarAsync<string>("""
            SELECT string_agg(DISTINCT m.type || '|' || (m.processed_at IS NOT NULL)::text || '|' || (item ->> 'version')
                              || '|' || (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(item) k), ';')
            FROM teams.outbox_messages m CROSS JOIN LATERAL jsonb_array_elements(m.payload -> 'teams') item
            JOIN teams.teams t ON item ->> 'teamId' = t.id::text WHERE t.name = ANY($1)
            """, (object)new[] { "Herons", "Larks", "Wrens" });
        var batchCount = await Database.Postgres.ScalarAsync<long>("""
            SELECT count(DISTINCT m.id) FROM teams.outbox_messages m CROSS JOIN LATERAL jsonb_array_elements(m.payload -> 'teams') item
            JOIN teams.teams t ON item ->> 'teamId' = t.id::text WHERE t.name = ANY($1)
            """, (object)new[] { "Herons", "Larks", "Wrens" });
        var singles = await Database.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM teams.outbox_messages m JOIN teams.teams t ON m.payload ->> 'teamId' = t.id::text WHERE t.name IN ('Herons', 'Larks', 'Wrens')");
        var oneMessage = await Database.Postgres.ScalarAsync<string>("""
            SELECT string_agg(DISTINCT m.type || '|' || (m.processed_at IS NOT NULL)::text || '|' || (m.payload ->> 'version')
                              || '|' || (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(m.payload) k), ';')
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
            Assert.That(oneMessage, Does.StartWith("MidwestSports.Teams.Contracts.TeamChanged, ").And.Contains("|true|1|"));
            Assert.That(batches, Is.EqualTo(oneMessage!.Replace("TeamChanged, ", "TeamsChanged, ")),
                "each team's TeamChanged (same fields, version 1) inside a TeamsChanged, published after the commit");
            Assert.That(batchCount, Is.EqualTo(1), "three rows are one batch: one message");
            Assert.That(singles, Is.Zero, "no TeamChanged of their own besides");
            Assert.That(replica, Is.EqualTo(3), "the Leagues module's replica received them");
        });
    }
}
