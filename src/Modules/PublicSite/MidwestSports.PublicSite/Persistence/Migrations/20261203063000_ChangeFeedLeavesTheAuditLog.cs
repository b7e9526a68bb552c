using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MidwestSports.PublicSite.Persistence.Migrations
{
    /// <summary>
    /// The change feed's rows are no longer audited (<see cref="MidwestSports.Shared.Auditing.INotAudited"/>): the entries
    /// written for them before go too. No model change, so no target model.
    /// </summary>
    [DbContext(typeof(PublicSiteDbContext))]
    [Migration("20261203063000_ChangeFeedLeavesTheAuditLog")]
    internal partial class ChangeFeedLeavesTheAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DELETE FROM public_site.audit_log WHERE entity_type IN ('ChangeLogEntry', 'FeedState');");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
