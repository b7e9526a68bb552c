using FluentValidation;
using Mediator;
using MidwestSports.Identity.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Infrastructure;

/// <summary>Commands an operator runs instead of serving: <c>migrate</c>, <c>create-admin --email … --password …</c>.</summary>
internal static class HostCommands
{
    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        var email = Option(args, "--email");
        var password = Option(args, "--password");
        if (email is null || password is null)
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email ADDRESS --password PASSWORD");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("create-admin");
        try
        {
            var user = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new CreateUser(email, "System administrator", password, PlatformRole.SystemAdmin, []));
            await Console.Out.WriteLineAsync($"Created system admin {user.Email} ({user.Id}).");
            return 0;
        }
        catch (ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                await Console.Error.WriteLineAsync($"{error.PropertyName}: {error.ErrorMessage}");
            }

            return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
