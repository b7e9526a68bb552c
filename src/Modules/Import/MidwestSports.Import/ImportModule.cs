using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Import.Analysis;
using MidwestSports.Import.Features;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Work;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Auditing;
using MidwestSports.Shared.Modules;
using MidwestSports.Shared.Persistence;
using MidwestSports.Import.Persistence;

namespace MidwestSports.Import;

/// <summary>
/// Data import: reads admins' CSV and XLSX files, maps their columns to a kind's fields, previews every row, and commits
/// and undoes the preview through each owning module's Contracts (analysis, commit and undo run in the background). It
/// never writes another module's tables.
/// </summary>
public sealed class ImportModule : IModule
{
    public string Name => "Import";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ImportDbContext>(Name, ImportDbContext.SchemaName);
        services.AddAuditNames<ImportDbContext, Domain.ImportBatch>(b => b.Id, b => b.FileName);
        ImportKinds.Register(services);
        services.AddScoped<ImportPlanning>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportProgress>();
        services.AddScoped<ImportAnalysisJob>();
        services.AddScoped<ImportCommitJob>();
        services.AddScoped<ImportUndoJob>();
        services.AddHostedService<ImportWorker>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(AccessPolicies.CityUser);
        DownloadTemplateEndpoint.Map(imports);
        StartImportEndpoint.Map(imports);
        ListImportsEndpoint.Map(imports);
        GetImportEndpoint.Map(imports);
        ListImportRowsEndpoint.Map(imports);
        GetImportErrorsEndpoint.Map(imports);
        UpdateImportMappingEndpoint.Map(imports);
        DecideSuggestionEndpoint.Map(imports);
        CommitImportEndpoint.Map(imports);
        UndoImportEndpoint.Map(imports);
    }
}
