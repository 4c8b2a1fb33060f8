using Shop.Testing.Platform;

namespace Shop.Journey.Tests.Live;

/// <summary>
/// A platform in Temporal mode against the server SHOP_TEST_TEMPORAL names (host:port); nothing is
/// started without it, and the tests skip. The worker polls the shared task queue of the default
/// namespace, so the live classes run one after another (<see cref="LiveCollection"/>) and the server
/// should be the suite's own: a worker of <c>./shop up</c> on it would take these orders.
/// </summary>
public abstract class LivePlatformFixture(OrchestratorTiming timing) : IAsyncLifetime
{
    public const string Variable = "SHOP_TEST_TEMPORAL";

    public const string SkipReason = "SHOP_TEST_TEMPORAL is not set: no Temporal server on this machine (the workflow is replay-tested offline in Shop.Orchestrator.Tests instead).";

    // Dozens of orders polled by a handful of customers would meet the per-user limit; throttling has tests of its own.
    private static readonly Dictionary<string, string> Unthrottled = new()
    {
        ["RATE_LIMIT_ANONYMOUS_MAX"] = "0",
        ["RATE_LIMIT_USER_MAX"] = "0",
    };

    private ShopPlatform? _platform;

    public static string? Address => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address ? address : null;

    /// <summary>The platform; call <see cref="Require"/> first in a test so it skips without a server.</summary>
    public ShopPlatform Platform => _platform ?? throw new InvalidOperationException("No live platform: " + SkipReason);

    /// <summary>Skips the calling test when there is no Temporal server to run against.</summary>
    public ShopPlatform Require()
    {
        Assert.SkipUnless(Address is not null, SkipReason);
        return Platform;
    }

    public async ValueTask InitializeAsync()
    {
        if (Address is { } address)
        {
            _platform = await ShopPlatform.StartAsync(Unthrottled, address, timing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}

/// <summary>The orchestrator's default test timing: two minutes to pay, a status check every two seconds.</summary>
public sealed class LivePlatform() : LivePlatformFixture(OrchestratorTiming.Default);

/// <summary>An orchestrator that gives up on the money after eight seconds.</summary>
public sealed class ShortDeadlinePlatform() : LivePlatformFixture(new OrchestratorTiming(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(1)));

/// <summary>The live classes share one server's task queue: one platform at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LiveCollection
{
    public const string Name = "Live Temporal";
}
