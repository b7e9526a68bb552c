namespace MidwestSports.Host.Tests.Integration;

public sealed class SchemaTests
{
    private static readonly string[] ModuleSchemas = ["identity", "leagues", "sponsors", "teams", "trivia", "import", "public_site"];

    [Test]
    public async Task Startup_FreshDatabase_CreatesEveryModuleSchemaAndHangfire()
    {
        var schemas = await Database.Postgres.ColumnAsync("SELECT schema_name FROM information_schema.schemata");

        Assert.That(schemas, Is.SupersetOf(ModuleSchemas.Append("hangfire")));
    }

    [TestCaseSource(nameof(ModuleSchemas))]
    public async Task Startup_FreshDatabase_KeepsEachMigrationHistoryInItsModuleSchema(string schema)
    {
        var applied = await Database.Postgres.ScalarAsync<long>($"SELECT count(*) FROM \"{schema}\".__ef_migrations_history");
        var outboxAndInbox = await Database.Postgres.ColumnAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('outbox_messages', 'inbox_messages')",
            schema);

        Assert.Multiple(() =>
        {
            Assert.That(applied, Is.GreaterThanOrEqualTo(1), "the module's own history lists its migrations");
            Assert.That(outboxAndInbox, Is.EquivalentTo(new[] { "outbox_messages", "inbox_messages" }));
        });
    }

    [Test]
    public async Task Startup_FreshDatabase_LeavesPublicSchemaEmpty()
    {
        var publicTables = await Database.Postgres.ColumnAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        var sharedHistories = await Database.Postgres.ColumnAsync(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory'");

        Assert.Multiple(() =>
        {
            Assert.That(publicTables, Is.Empty);
            Assert.That(sharedHistories, Is.Empty);
        });
    }
}
