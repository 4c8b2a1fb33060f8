using Shop.ServiceDefaults.Domain;

namespace Shop.Products.GraphQL;

/// <summary>GraphQL IDs carry Guid strings; anything else is a clear error, never an exception.</summary>
internal static class Ids
{
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>An <c>id</c> argument of a query field; unparseable is an INVALID_ARGUMENT field error.</summary>
    public static Guid Argument(IResolveFieldContext context, string name) => Argument(context.GetArgument<string>(name), name);

    public static Guid Argument(string? value, string name)
        => Guid.TryParse(value, out var id)
            ? id
            : throw new ExecutionError($"'{name}' is not an id this service issued.") { Code = InvalidArgument };

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
