using GraphQL.Types;

namespace Shop.GraphQL.Tests.Sample;

public sealed class TestMutation : ObjectGraphType
{
    private static int _counter;

    public TestMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<IntGraphType>>("increment").Resolve(_ => Interlocked.Increment(ref _counter));
    }
}
