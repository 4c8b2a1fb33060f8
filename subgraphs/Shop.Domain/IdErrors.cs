namespace Shop.Domain;

/// <summary>
/// The two answers about an id, the same in every service and over GraphQL and gRPC alike: it is
/// not an id at all (<see cref="Invalid"/>), or no such thing exists (<see cref="NotFound"/>);
/// the error's field, or the message, says which id.
/// </summary>
public static class IdErrors
{
    public const string Invalid = "INVALID_ID";
    public const string NotFound = "NOT_FOUND";

    /// <summary>An id inside a mutation input; an unparseable one adds an <see cref="Invalid"/> error for <paramref name="field"/>.</summary>
    public static Guid Parse(string? value, string field, ICollection<DomainError> errors)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors.Add(new DomainError(Invalid, $"'{field}' is not an id this service issued.", field));
        return Guid.Empty;
    }

    /// <summary><see cref="Parse"/> for each of a list, the field named with its index.</summary>
    public static IReadOnlyList<Guid> ParseMany(IReadOnlyList<string>? values, string field, ICollection<DomainError> errors)
        => values is null ? [] : [.. values.Select((value, i) => Parse(value, $"{field}[{i}]", errors))];
}
