namespace Shop.GraphQL.Tests.Sample;

/// <summary>What <see cref="TrapGraphType"/> serializes: reading it fails with a message that must not leak.</summary>
public sealed class TrapValue
{
    public const string Secret = "Password=hunter2 in a serializer";

    public string Detail => throw new InvalidOperationException(Secret);
}
