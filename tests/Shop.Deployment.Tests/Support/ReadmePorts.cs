using System.Text.RegularExpressions;

namespace Shop.Deployment.Tests.Support;

/// <summary>The README's "Ports" table: each service's HTTP and gRPC port as documented.</summary>
public static partial class ReadmePorts
{
    private static readonly Lazy<IReadOnlyDictionary<string, (int Http, int? Grpc)>> Table = new(Read);

    public static int Http(string service) => Find(service).Http;

    public static int Grpc(string service) => Find(service).Grpc ?? throw new InvalidOperationException($"README gives {service} no gRPC port.");

    private static (int Http, int? Grpc) Find(string service)
        => Table.Value.TryGetValue(service, out var ports) ? ports : throw new InvalidOperationException($"README's Ports table has no row for {service}.");

    private static Dictionary<string, (int, int?)> Read()
    {
        var readme = Repository.Read("README.md");
        var start = readme.IndexOf("\n## Ports\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Ports' section");
        var section = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var rows = new Dictionary<string, (int, int?)>(StringComparer.Ordinal);
        foreach (Match row in Row().Matches(section))
        {
            int? grpc = row.Groups["grpc"].Success ? int.Parse(row.Groups["grpc"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            rows[row.Groups["name"].Value.Trim()] = (int.Parse(row.Groups["http"].Value, System.Globalization.CultureInfo.InvariantCulture), grpc);
        }

        return rows;
    }

    // "| orders | 5003 (`ORDERS_HTTP_PORT`) | 6003 (`ORDERS_GRPC_PORT`) |"
    [GeneratedRegex(@"^\| (?<name>[a-zA-Z ]+?)(?: \([^)|]*\))? \| (?<http>\d+) \([^)]*\) \| (?:(?<grpc>\d+) \([^)]*\)|—) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
