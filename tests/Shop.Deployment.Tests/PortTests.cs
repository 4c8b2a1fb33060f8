using System.Text.RegularExpressions;
using Shop.Deployment.Tests.Support;

namespace Shop.Deployment.Tests;

/// <summary>Ports and addresses in docker-compose.yml agree with the README and with each other.</summary>
public sealed partial class PortTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    public static TheoryData<string> Subgraphs => ["users", "products", "orders", "payments"];

    [Theory]
    [MemberData(nameof(Subgraphs))]
    public void Subgraph_Ports_AsTheReadmeSays(string name)
    {
        var settings = new ServiceSettings(Compose[name]);

        Assert.Equal(ReadmePorts.Http(name).ToString(System.Globalization.CultureInfo.InvariantCulture), settings["Shop:HttpPort"]);
        Assert.Equal(ReadmePorts.Grpc(name).ToString(System.Globalization.CultureInfo.InvariantCulture), settings["Shop:GrpcPort"]);
        Assert.Equal($"http://127.0.0.1:{ReadmePorts.Http(name)}/health/ready", Compose[name].BuildArgs["HEALTH_URL"]);
    }

    [Fact]
    public void Orchestrator_HealthPort_AsTheReadmeSays()
    {
        var port = ReadmePorts.Http("orchestrator");

        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Compose["orchestrator"].Environment["ORCHESTRATOR_HTTP_PORT"]);
        Assert.Equal($"http://127.0.0.1:{port}/health/ready", Compose["orchestrator"].BuildArgs["HEALTH_URL"]);
    }

    [Fact]
    public void Gateway_SubgraphAndJwksUrls_NameEachServiceAtItsReadmePort()
    {
        var environment = Compose["gateway"].Environment;

        foreach (var name in new[] { "users", "products", "orders", "payments" })
        {
            Assert.Equal($"http://{name}:{ReadmePorts.Http(name)}/graphql", environment[$"SUBGRAPH_{name.ToUpperInvariant()}_URL"]);
        }

        Assert.Equal(Jwks(), environment["JWKS_URL"]);
        Assert.Equal($"http://payments:{ReadmePorts.Http("payments")}/zalopay/callback", environment["PAYMENTS_CALLBACK_URL"]);
        Assert.Equal(ReadmePorts.Http("gateway").ToString(System.Globalization.CultureInfo.InvariantCulture), environment["GATEWAY_PORT"]);
    }

    [Fact]
    public void GrpcAddresses_EveryClient_DialsTheServiceNameAtItsReadmeGrpcPort()
    {
        var addresses = Compose.Services.Values.Where(s => s.Project is not null)
            .SelectMany(s => new ServiceSettings(s).All.Select(setting => (Service: s.Name, setting.Key, setting.Value)))
            .Where(x => GrpcAddress().IsMatch(x.Key)).ToList();

        Assert.NotEmpty(addresses);
        Assert.All(addresses, x =>
        {
            var target = GrpcAddress().Match(x.Key).Groups["target"].Value;
            Assert.Equal($"https://{target}:{ReadmePorts.Grpc(target)}", x.Value);
        });
    }

    [Fact]
    public void JwksUrl_EveryValidatingService_PointsAtUsers()
    {
        foreach (var name in new[] { "products", "orders", "payments" })
        {
            Assert.Equal(Jwks(), new ServiceSettings(Compose[name])["Shop:Auth:JwksUrl"]);
        }
    }

    [Fact]
    public void PublishedPorts_OnlyThePublicEntryPoints_AsTheReadmeSays()
    {
        var published = Compose.Services.Values.SelectMany(s => s.Ports.Select(p => (s.Name, Port: p))).ToList();

        Assert.Equal(
            ["gateway 4000:4000", "jaeger 16686:16686", "temporal-ui 8080:8080", "zalopay-sandbox 5080:5080"],
            published.Select(p => $"{p.Name} {p.Port}").Order(StringComparer.Ordinal));
        Assert.Equal($"{ReadmePorts.Http("gateway")}:{ReadmePorts.Http("gateway")}", Compose["gateway"].Ports.Single());
        Assert.Equal($"{ReadmePorts.Http("ZaloPay sandbox")}:{ReadmePorts.Http("ZaloPay sandbox")}", Compose["zalopay-sandbox"].Ports.Single());

        var section = FullDeploymentSection();
        var documented = LocalUrl().Matches(section).Select(m => m.Groups["port"].Value).ToHashSet(StringComparer.Ordinal);
        var hostPorts = published.Select(p => p.Port.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(hostPorts.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Temporal_EveryCaller_UsesTheComposeFrontendAtTheDesignPort()
    {
        Assert.Contains("7233", Repository.Read("README.md"), StringComparison.Ordinal);
        foreach (var name in new[] { "orders", "payments", "orchestrator" })
        {
            Assert.Equal("temporal:7233", new ServiceSettings(Compose[name])["Temporal:Address"]);
        }

        Assert.Equal("temporal:7233", Compose["temporal-ui"].Environment["TEMPORAL_ADDRESS"]);
    }

    private static string Jwks() => $"http://users:{ReadmePorts.Http("users")}/.well-known/jwks.json";

    private static string FullDeploymentSection()
    {
        var readme = Repository.Read("README.md");
        var start = readme.IndexOf("\n## Full deployment\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Full deployment' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    [GeneratedRegex(@"^Shop:Services:(?<target>[a-z]+):Grpc$", RegexOptions.IgnoreCase)]
    private static partial Regex GrpcAddress();

    [GeneratedRegex(@"http://localhost:(?<port>\d+)")]
    private static partial Regex LocalUrl();
}
