using System.Text.Json;

namespace Shop.Deployment.Tests.Support;

/// <summary>
/// What a .NET service of the compose file ends up with: its <c>appsettings.json</c> (Production
/// loads no Development file) overlaid with the compose environment (<c>A__B</c> is <c>A:B</c>),
/// keys compared case-insensitively as .NET configuration does.
/// </summary>
public sealed class ServiceSettings
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public ServiceSettings(ComposeService service)
    {
        Service = service;
        var project = service.Project ?? throw new InvalidOperationException($"{service.Name} is not built from a .NET project.");
        var appsettings = Repository.Path(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(project)!, "appsettings.json"));
        if (File.Exists(appsettings))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(appsettings));
            Flatten(json.RootElement, string.Empty);
        }

        foreach (var (name, value) in service.Environment)
        {
            _values[name.Replace("__", ":", StringComparison.Ordinal)] = value;
        }
    }

    public ComposeService Service { get; }

    public IEnumerable<KeyValuePair<string, string>> All => _values;

    /// <summary>The value, or null when unset or empty (the services treat both as absent).</summary>
    public string? this[string key] => _values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private void Flatten(JsonElement element, string prefix)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}");
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Flatten(item, $"{prefix}:{index++}");
            }
        }
        else
        {
            _values[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        }
    }
}
