using System.Diagnostics;
using System.Text.Json;
using Shop.Testing.Platform;

namespace Shop.Journey.Tests;

/// <summary>Banana Cake Pop, loaded by headless Chromium from the gateway, runs a query against it.</summary>
public sealed class BananaCakePopTests(PlatformFixture fixture)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Browser_LoadsBcpFromTheGateway_AndRunsACatalogQuery()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Chromium is not installed (./shop test installs the Debian package as root).");
        var repository = RepositoryRoot.Find();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(repository, "gateway"),
            ArgumentList =
            {
                Path.Combine(repository, "gateway", "test", "bcp-smoke.mjs"),
                fixture.Platform.Gateway.GraphQLAddress.ToString(),
                "--query", "query Catalog { categories { name } products(first: 3) { totalCount } }",
                // A value only the running catalog can answer: the demo seed's first category.
                "--expect", "Outdoor & Travel",
                "--timeout", "90",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var browser = Process.Start(start)!;
        var output = browser.StandardOutput.ReadToEndAsync();
        var errors = browser.StandardError.ReadToEndAsync();
        await browser.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(150));

        var lastLine = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "{}";
        Assert.True(browser.ExitCode == 0, $"bcp-smoke failed ({browser.ExitCode}): {lastLine}\n{await errors}");
        using var result = JsonDocument.Parse(lastLine);
        Assert.Contains("Outdoor & Travel", result.RootElement.GetProperty("response").GetRawText());
    }
}
