using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shop.Deployment.Tests.Support;

/// <summary>docker-compose.yml as Compose sees it with <c>.env.example</c> as its <c>.env</c>.</summary>
public sealed class ComposeFile(IReadOnlyDictionary<string, ComposeService> services, IReadOnlyList<string> volumes, string? subnet)
{
    public IReadOnlyDictionary<string, ComposeService> Services { get; } = services;

    /// <summary>The named volumes declared at the top level.</summary>
    public IReadOnlyList<string> Volumes { get; } = volumes;

    /// <summary>The default network's subnet, when the file fixes one.</summary>
    public string? Subnet { get; } = subnet;

    public ComposeService this[string name] => Services[name];

    public static ComposeFile Load() => Parse(Repository.Read("docker-compose.yml"), EnvFile.Parse(Repository.Read(".env.example")));

    public static ComposeFile Parse(string yaml, IReadOnlyDictionary<string, string> variables)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(Interpolation.Apply(yaml, variables)))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var services = Mapping(root, "services")!.Children.ToDictionary(
            entry => Scalar(entry.Key), entry => ReadService(Scalar(entry.Key), (YamlMappingNode)entry.Value), StringComparer.Ordinal);
        var volumes = Mapping(root, "volumes")?.Children.Keys.Select(Scalar).ToList() ?? [];
        var ipam = Mapping(root, "networks") is { } networks && Mapping(networks, "default") is { } network ? Mapping(network, "ipam") : null;
        var subnet = ipam?.Children.TryGetValue("config", out var config) == true && config is YamlSequenceNode { Children.Count: > 0 } list
            ? Text((YamlMappingNode)list.Children[0], "subnet")
            : null;
        return new ComposeFile(services, volumes, subnet);
    }

    private static ComposeService ReadService(string name, YamlMappingNode node)
    {
        var build = node.Children.TryGetValue("build", out var b) ? b as YamlMappingNode : null;
        var health = Mapping(node, "healthcheck");
        return new ComposeService(
            name,
            Text(node, "image"),
            build is null ? null : Text(build, "dockerfile") ?? "Dockerfile",
            build is null ? new Dictionary<string, string>() : Pairs(Mapping(build, "args")),
            Pairs(Mapping(node, "environment")),
            List(node, "ports"),
            ReadDependsOn(node),
            List(node, "volumes"),
            List(node, "command"),
            Text(node, "container_name"),
            health is null ? null : Text(health, "disable") == "true");
    }

    private static Dictionary<string, string> ReadDependsOn(YamlMappingNode node)
    {
        if (!node.Children.TryGetValue("depends_on", out var value))
        {
            return [];
        }

        // The short list form has no condition: Compose only waits for the container to start.
        return value is YamlSequenceNode list
            ? list.Children.ToDictionary(Scalar, _ => "service_started", StringComparer.Ordinal)
            : ((YamlMappingNode)value).Children.ToDictionary(
                entry => Scalar(entry.Key), entry => Text((YamlMappingNode)entry.Value, "condition") ?? "service_started", StringComparer.Ordinal);
    }

    private static YamlMappingNode? Mapping(YamlMappingNode node, string key)
        => node.Children.TryGetValue(key, out var value) ? value as YamlMappingNode : null;

    private static string? Text(YamlMappingNode node, string key)
        => node.Children.TryGetValue(key, out var value) ? Scalar(value) : null;

    private static List<string> List(YamlMappingNode node, string key)
        => node.Children.TryGetValue(key, out var value) && value is YamlSequenceNode list ? list.Children.Select(Scalar).ToList() : [];

    private static Dictionary<string, string> Pairs(YamlMappingNode? node)
        => node?.Children.ToDictionary(entry => Scalar(entry.Key), entry => Scalar(entry.Value), StringComparer.Ordinal) ?? [];

    private static string Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : node.ToString();
}
