using GraphQL.Types;
using GraphQLParser.AST;

namespace Shop.GraphQL.Tests.Sample;

/// <summary>
/// A faulty scalar: it hands the serializer an object whose property throws, so the failure comes
/// after execution, in the transport that writes the result.
/// </summary>
public sealed class TrapGraphType : ScalarGraphType
{
    public TrapGraphType()
    {
        Name = "Trap";
    }

    public override object? Serialize(object? value) => value;

    public override object? ParseValue(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => null;
}
