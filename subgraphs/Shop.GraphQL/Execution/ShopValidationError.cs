using GraphQL.Validation;

namespace Shop.GraphQL.Execution;

internal static class ShopValidationError
{
    /// <summary>A validation error on the requested operation, with Shop's own stable code.</summary>
    public static ValidationError Create(ValidationContext context, string code, string message)
        => new(context.Document.Source, null!, message, context.Operation) { Code = code };
}
