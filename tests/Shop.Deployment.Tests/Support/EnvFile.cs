namespace Shop.Deployment.Tests.Support;

/// <summary>A <c>.env</c> file as Compose reads it: <c>NAME=value</c> lines, <c>#</c> comments.</summary>
public static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Not NAME=value: '{line}'.");
            }

            values[line[..equals]] = line[(equals + 1)..];
        }

        return values;
    }
}
