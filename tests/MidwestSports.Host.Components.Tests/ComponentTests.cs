using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace MidwestSports.Host.Components.Tests;

/// <summary>
/// A bUnit renderer per test with what every MudBlazor component needs. JavaScript calls are answered loosely: these
/// tests read markup and state that need no browser; what needs one is in MidwestSports.Browser.Tests.
/// </summary>
public abstract class ComponentTests
{
    protected BunitContext Context { get; private set; } = null!;

    [SetUp]
    public void StartRenderer()
    {
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    [TearDown]
    public async Task StopRendererAsync() => await Context.DisposeAsync();

    protected ISnackbar Snackbar => Context.Services.GetRequiredService<ISnackbar>();
}
