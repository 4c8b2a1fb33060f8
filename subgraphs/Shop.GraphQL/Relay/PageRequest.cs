using GraphQL.Types;
using Shop.Domain;

namespace Shop.GraphQL.Relay;

/// <summary>The <c>first</c> / <c>after</c> arguments of a connection field, checked.</summary>
public sealed record PageRequest<TKey>(int First, TKey? After)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Adds <c>first: Int</c> and <c>after: String</c> to a connection field.</summary>
    public static QueryArguments Arguments(params QueryArgument[] more) => new(
        [
            new QueryArgument<IntGraphType> { Name = "first", Description = $"Page size, 1 to {MaxPageSize}; {DefaultPageSize} when omitted." },
            new QueryArgument<StringGraphType> { Name = "after", Description = "The endCursor of the previous page." },
            .. more,
        ]);

    /// <summary>Reads and checks the arguments; a bad page size or cursor is an <c>INVALID_ARGUMENT</c> error.</summary>
    public static PageRequest<TKey> From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultPageSize;
        if (first is < 1 or > MaxPageSize)
        {
            throw new ExecutionError($"'first' must be between 1 and {MaxPageSize}.") { Code = ArgumentErrors.Invalid };
        }

        var after = context.GetArgument<string?>("after");
        if (after is null)
        {
            return new PageRequest<TKey>(first, default);
        }

        return Cursor.TryDecode<TKey>(after, out var key)
            ? new PageRequest<TKey>(first, key)
            : throw new ExecutionError("'after' is not a cursor this field issued.") { Code = ArgumentErrors.Invalid };
    }
}
