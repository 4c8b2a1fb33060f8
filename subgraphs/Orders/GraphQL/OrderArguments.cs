namespace Shop.Orders.GraphQL;

internal static class OrderArguments
{
    /// <summary>A Guid argument; anything else is an INVALID_ARGUMENT error naming the argument.</summary>
    public static Guid Id(IResolveFieldContext context, string name)
        => Guid.TryParse(context.GetArgument<string>(name), out var id)
            ? id
            : throw new ExecutionError($"'{name}' is not a valid id.") { Code = "INVALID_ARGUMENT" };
}
