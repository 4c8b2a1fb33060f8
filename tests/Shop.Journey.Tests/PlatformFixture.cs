using Shop.Testing.Platform;

[assembly: AssemblyFixture(typeof(Shop.Journey.Tests.PlatformFixture))]

namespace Shop.Journey.Tests;

/// <summary>One platform for every journey test: starting it is the slow part.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private ShopPlatform? _platform;

    public ShopPlatform Platform => _platform ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _platform = await ShopPlatform.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
