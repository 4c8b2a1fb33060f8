using System.Text.RegularExpressions;
using Shop.Deployment.Tests.Support;

namespace Shop.Deployment.Tests;

/// <summary>Health checks, start order, volumes, scaling and the image build of docker-compose.yml.</summary>
public sealed partial class TopologyTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    [Fact]
    public void Healthchecks_EveryLongRunningContainer_HasOne()
    {
        var without = Compose.Services.Values.Where(s => s.Name != "certs" && !s.HasHealthcheck).Select(s => s.Name).ToList();

        Assert.Empty(without);
        Assert.All(Compose.Services.Values.Where(s => s.Project is not null && s.Name != "certs"),
            s => Assert.StartsWith("http://127.0.0.1:", s.BuildArgs["HEALTH_URL"], StringComparison.Ordinal));
    }

    [Fact]
    public void DependsOn_EveryDependency_WaitsForHealthyOrCompleted()
    {
        var edges = Compose.Services.Values.SelectMany(s => s.DependsOn.Select(d => (From: s.Name, To: d.Key, Condition: d.Value))).ToList();

        Assert.NotEmpty(edges);
        Assert.All(edges, e =>
        {
            Assert.True(Compose.Services.ContainsKey(e.To), $"{e.From} depends on unknown {e.To}");
            Assert.Equal(e.To == "certs" ? "service_completed_successfully" : "service_healthy", e.Condition);
            Assert.True(Compose[e.To].HasHealthcheck || e.To == "certs", $"{e.From} waits for {e.To}, which has no health check");
        });
    }

    [Theory]
    [InlineData("postgres", "/var/lib/postgresql/data")]
    [InlineData("mongo", "/data/db")]
    [InlineData("redis", "/data")]
    public void Databases_Data_OnANamedVolume(string service, string path)
    {
        var mount = Assert.Single(Compose[service].Volumes, v => v.EndsWith(":" + path, StringComparison.Ordinal));
        Assert.Contains(mount.Split(':')[0], Compose.Volumes);
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("orchestrator")]
    public void Scaling_ScaledService_HasNoFixedNameOrHostPort(string name)
    {
        Assert.Null(Compose[name].ContainerName);
        Assert.Empty(Compose[name].Ports);
    }

    [Fact]
    public void ContainerNames_NoService_FixesOne()
        => Assert.All(Compose.Services.Values, s => Assert.Null(s.ContainerName));

    [Fact]
    public void Dockerfile_RestoreStage_CopiesEveryProjectTheDeployedProjectsReference()
    {
        var dockerfile = Repository.Read("Dockerfile");
        var copied = CopiedProject().Matches(dockerfile).Select(m => m.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);
        var deployed = Compose.Services.Values.Select(s => s.Project).OfType<string>().ToList();

        Assert.Equal(7, deployed.Count);
        var missing = deployed.SelectMany(Closure).Distinct(StringComparer.Ordinal).Where(p => !copied.Contains(p)).ToList();
        Assert.Empty(missing);
    }

    // The project and every project it references, as repository-relative paths.
    private static IEnumerable<string> Closure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            foreach (Match reference in ProjectReference().Matches(Repository.Read(current)))
            {
                var full = Path.GetFullPath(Path.Combine(Repository.Root, directory, reference.Groups["path"].Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repository.Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }

    [GeneratedRegex(@"^COPY (?<path>\S+\.csproj) ", RegexOptions.Multiline)]
    private static partial Regex CopiedProject();

    [GeneratedRegex(@"<ProjectReference Include=""(?<path>[^""]+)""")]
    private static partial Regex ProjectReference();
}
