using System.Text.RegularExpressions;

namespace Shop.Deployment.Tests.Support;

/// <summary>
/// Compose's variable substitution: <c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME:?error}</c>
/// and <c>$$</c>. A required variable that is missing fails, as <c>docker compose</c> does.
/// </summary>
public static partial class Interpolation
{
    public static string Apply(string text, IReadOnlyDictionary<string, string> variables)
        => Pattern().Replace(text, match =>
        {
            if (match.Value == "$$")
            {
                return "$";
            }

            var name = match.Groups["name"].Value;
            var has = variables.TryGetValue(name, out var value) && value.Length > 0;
            return match.Groups["op"].Value switch
            {
                ":-" => has ? value! : match.Groups["arg"].Value,
                ":?" => has ? value! : throw new InvalidOperationException($"Required variable {name} is not set: {match.Groups["arg"].Value}"),
                _ => value ?? string.Empty,
            };
        });

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|:\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Pattern();
}
