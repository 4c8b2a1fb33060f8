using Shop.ServiceDefaults.Domain;

namespace Shop.Products.GraphQL;

/// <summary>Ids inside mutation inputs: an unparseable one is a payload error, reported with the others.</summary>
internal static class Ids
{
    /// <summary>An id inside a mutation input; unparseable adds an INVALID_ID payload error.</summary>
    public static Guid Parse(string? value, string field, List<DomainError> errors)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors.Add(new DomainError("INVALID_ID", $"'{field}' is not an id this service issued.", field));
        return Guid.Empty;
    }

    public static IReadOnlyList<Guid> ParseMany(IReadOnlyList<string>? values, string field, List<DomainError> errors)
        => values is null ? [] : [.. values.Select((value, i) => Parse(value, $"{field}[{i}]", errors))];
}
