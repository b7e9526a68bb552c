using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// The API contract's cross-cutting answers, declared once for every operation instead of on each endpoint, so that a
/// generated client (NSwag, Kiota, openapi-generator) knows every status it can get: 401 where sign-in is required,
/// 403 where a policy or the write rule can refuse, 404 for an id in the path, 400 where a body or query is read,
/// 409 and 412 (with an <c>If-Match</c> header) on every edit of a versioned resource, 429 on sign-in.
/// Each endpoint declares its own success status and body (<c>.Produces&lt;T&gt;()</c>).
/// </summary>
internal static class OpenApiContract
{
    public const string BearerScheme = "Bearer";

    /// <summary>Query parameters that an endpoint reads by hand (to name an unknown one in its 400), so ASP.NET Core cannot see them.</summary>
    private static readonly Dictionary<string, (string Name, JsonSchemaType Type, string? Format)[]> HandReadQueries = new()
    {
        ["ListTeams"] = TeamListingQuery(),
        ["ExportTeamsCsv"] = TeamListingQuery(),
    };

    public static void Configure(OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = SchemaName;
        options.AddSchemaTransformer(MarkRequiredFields);
        options.AddOperationTransformer(DeclareCrossCuttingAnswers);
        options.AddDocumentTransformer(DeclareBearerSchemeAndCompleteResponses);
    }

    /// <summary>
    /// A body record nested in an endpoint class is named after that class too: the Teams module's
    /// <c>TeamEndpoints.SponsorBody</c> (a sponsor id) and the Sponsors module's <c>SponsorEndpoints.SponsorBody</c>
    /// (a whole sponsor) would otherwise share one component, and one operation would declare the other's body.
    /// </summary>
    private static string? SchemaName(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is null || type.Type.DeclaringType is not { } owner)
        {
            return name;
        }

        var prefix = owner.Name.Replace("Endpoints", string.Empty, StringComparison.Ordinal).Replace("Endpoint", string.Empty, StringComparison.Ordinal);
        return name.StartsWith(prefix, StringComparison.Ordinal) ? name : prefix + name;
    }

    /// <summary>
    /// A body field is required when its absence has no meaning of its own: a constructor parameter without a default
    /// that cannot be null and is text, a list, an id, an enum, a date or a time (a missing number or flag reads as 0 or
    /// false; a nullable field reads as null). ASP.NET Core would require every constructor parameter, nullable or not.
    /// Schemas that only responses use are completed in <see cref="DeclareBearerSchemeAndCompleteResponses"/>.
    /// </summary>
    private static Task MarkRequiredFields(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        schema.Required = context.JsonTypeInfo.Properties
            .Where(p => p.AssociatedParameter is { HasDefaultValue: false, IsNullable: false } && !IsNumberOrFlag(p.PropertyType) && schema.Properties.ContainsKey(p.Name))
            .Select(p => p.Name)
            .ToHashSet();
        return Task.CompletedTask;
    }

    private static Task DeclareCrossCuttingAnswers(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var method = context.Description.HttpMethod ?? "GET";
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var signInRequired = policies.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any();
        var hasPathId = context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var isWrite = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var versionedWrite = hasPathId && isWrite && EditsVersionedResource(context);
        operation.Responses ??= [];
        operation.Parameters ??= [];

        if (operation.OperationId is { } id && HandReadQueries.TryGetValue(id, out var query))
        {
            foreach (var (name, type, format) in query.Where(q => operation.Parameters.All(p => p.Name != q.Name)))
            {
                operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Schema = new OpenApiSchema { Type = type, Format = format } });
            }
        }

        if (versionedWrite && operation.Parameters.All(p => !string.Equals(p.Name, "If-Match", StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The resource's ETag (its version) as last read; a stale one answers 412 and changes nothing.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        var readsInput = operation.RequestBody is not null || operation.Parameters.Any(p => p.In == ParameterLocation.Query);
        if (readsInput)
        {
            Add(operation, context, StatusCodes.Status400BadRequest, "The body or a parameter is invalid; the errors name each field.", typeof(HttpValidationProblemDetails));
        }

        if (signInRequired)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            Add(operation, context, StatusCodes.Status401Unauthorized, "Not signed in, or the token expired.", null);
        }

        if (signInRequired && (isWrite || policies.Contains(AccessPolicies.SystemAdmin)))
        {
            Add(operation, context, StatusCodes.Status403Forbidden, "The role or the cities held do not allow this.", typeof(ProblemDetails));
        }

        if (hasPathId)
        {
            Add(operation, context, StatusCodes.Status404NotFound, "No such id, or it lies in a city not held.", typeof(ProblemDetails));
        }

        if (versionedWrite)
        {
            Add(operation, context, StatusCodes.Status409Conflict, "Changed by someone else meanwhile, or in conflict with other data.", typeof(ProblemDetails));
            Add(operation, context, StatusCodes.Status412PreconditionFailed, "The If-Match header or the body's version is stale.", typeof(ProblemDetails));
        }

        if (operation.OperationId == "Login" || metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            Add(operation, context, StatusCodes.Status429TooManyRequests, "Too many attempts; retry after the Retry-After header's seconds.", typeof(ProblemDetails));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The bearer scheme for the security requirements; and a response object's every property is always written
    /// (nulls included), so every property of a schema that only responses use is required.
    /// </summary>
    private static async Task DeclareBearerSchemeAndCompleteResponses(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/auth/login.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var problem in new[] { typeof(ProblemDetails), typeof(HttpValidationProblemDetails) }.Where(t => !document.Components.Schemas.ContainsKey(t.Name)))
        {
            document.Components.Schemas[problem.Name] = await context.GetOrCreateSchemaAsync(problem, null, cancellationToken);
        }

        var schemas = document.Components.Schemas;
        var operations = (document.Paths ?? []).Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value).ToList();
        var requested = Reachable(schemas, operations.SelectMany(o => (o.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Values.Select(m => m.Schema)));
        var answered = Reachable(schemas, operations.SelectMany(o => (o.Responses ?? []).Where(r => r.Key.StartsWith('2'))
            .SelectMany(r => (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Values.Select(m => m.Schema))));
        foreach (var name in answered.Except(requested))
        {
            if (schemas[name] is OpenApiSchema { Properties.Count: > 0 } schema)
            {
                schema.Required = new HashSet<string>(schema.Properties.Keys);
            }
        }
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, Type? body)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        var response = new OpenApiResponse { Description = description };
        if (body is not null)
        {
            // A reference to the component every ProducesProblem() uses; the document transformer makes sure it exists.
            response.Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(body.Name, context.Document) },
            };
        }

        operation.Responses[key] = response;
    }

    /// <summary>
    /// An edit of one resource that carries a version (<see cref="IVersioned"/>: it answers one, or, answering 204, the
    /// GET of the same path does): its handler checks If-Match or the body's version, and answers 412 when stale.
    /// </summary>
    private static bool EditsVersionedResource(OpenApiOperationTransformerContext context)
    {
        static bool Versioned(ApiDescription description) =>
            description.SupportedResponseTypes.Any(r => r.StatusCode is >= 200 and < 300 && r.Type is { } type && typeof(IVersioned).IsAssignableFrom(type));

        if (Versioned(context.Description))
        {
            return true;
        }

        return context.Description.SupportedResponseTypes.All(r => r.StatusCode is < 200 or >= 300 || r.Type is null || r.Type == typeof(void))
            && context.ApplicationServices.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
                .SelectMany(g => g.Items)
                .Any(d => d.HttpMethod == HttpMethods.Get && d.RelativePath == context.Description.RelativePath && Versioned(d));
    }

    /// <summary>Names of the component schemas the given schemas use, directly or through others.</summary>
    private static HashSet<string> Reachable(IDictionary<string, IOpenApiSchema> components, IEnumerable<IOpenApiSchema?> roots)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<IOpenApiSchema>(roots.OfType<IOpenApiSchema>());
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference reference)
            {
                var id = reference.Reference.Id;
                if (id is not null && seen.Add(id) && components.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }

                continue;
            }

            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }
        }

        return seen;
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        new[] { schema.Items, schema.AdditionalProperties, schema.Not }.OfType<IOpenApiSchema>()
            .Concat(schema.Properties?.Values ?? [])
            .Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []);

    private static bool IsNumberOrFlag(Type type) =>
        Type.GetTypeCode(Nullable.GetUnderlyingType(type) ?? type) is TypeCode.Boolean or TypeCode.Byte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64
            or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal
        && !(Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    private static (string, JsonSchemaType, string?)[] TeamListingQuery() =>
    [
        ("sort", JsonSchemaType.String, null), ("page", JsonSchemaType.Integer, "int32"), ("pageSize", JsonSchemaType.Integer, "int32"),
        ("cursor", JsonSchemaType.String, null), ("q", JsonSchemaType.String, null), ("name", JsonSchemaType.String, null),
        ("sponsorName", JsonSchemaType.String, null), ("leagueName", JsonSchemaType.String, null), ("captainName", JsonSchemaType.String, null),
        ("leagueId", JsonSchemaType.String, "uuid"), ("cityId", JsonSchemaType.String, "uuid"), ("sponsorId", JsonSchemaType.String, "uuid"),
        ("hasSponsor", JsonSchemaType.Boolean, null), ("season", JsonSchemaType.String, null),
    ];
}
