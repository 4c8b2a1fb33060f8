using Shop.Domain;

namespace Shop.GraphQL.Resolvers;

/// <summary>GraphQL IDs carry Guid strings; anything else is a clear error, never an exception.</summary>
public static class IdArguments
{
    /// <summary>The code of every other malformed argument (page sizes, cursors, filters).</summary>
    public const string InvalidArgument = ArgumentErrors.Invalid;

    /// <summary>A Guid id given as text; anything else is an <see cref="IdErrors.Invalid"/> field error naming <paramref name="name"/>.</summary>
    public static Guid Parse(string? value, string name)
        => Guid.TryParse(value, out var id)
            ? id
            : throw new ExecutionError($"'{name}' is not an id this service issued.") { Code = IdErrors.Invalid };
}
