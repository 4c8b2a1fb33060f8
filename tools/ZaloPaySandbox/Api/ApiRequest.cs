using System.Globalization;
using System.Text.Json;

namespace Shop.ZaloPaySandbox.Api;

/// <summary>
/// A request's fields as strings, exactly as sent (the MAC is over those strings). ZaloPay takes
/// form-encoded bodies; a flat JSON object is accepted too.
/// </summary>
public sealed class ApiRequest(IReadOnlyDictionary<string, string> fields)
{
    public static async Task<ApiRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return new ApiRequest(form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal));
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new ApiRequest(document.RootElement.EnumerateObject().ToDictionary(
                    property => property.Name,
                    property => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText(),
                    StringComparer.Ordinal))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? Text(string name) => fields.GetValueOrDefault(name);

    /// <summary>The first of <paramref name="names"/> that is missing or empty, or null when all are there.</summary>
    public string? Missing(params string[] names) => names.FirstOrDefault(name => string.IsNullOrEmpty(Text(name)));

    public long? Number(string name)
        => long.TryParse(Text(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Whether app_id names the sandbox's merchant (compared as text, so "02553" is not it).</summary>
    public bool IsApp(int appId) => Text("app_id") == appId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Checks the key1 MAC over the named fields joined with '|'.</summary>
    public bool SignedWith(string key1, params string[] names)
        => SandboxMac.Verify(key1, string.Join('|', names.Select(name => name == "key1" ? key1 : Text(name) ?? string.Empty)), Text("mac"));
}
