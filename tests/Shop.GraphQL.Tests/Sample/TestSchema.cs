using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.GraphQL.Tests.Sample;

public sealed class TestSchema : global::GraphQL.Types.Schema
{
    public TestSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<TestQuery>();
        Mutation = services.GetRequiredService<TestMutation>();
        Subscription = services.GetRequiredService<TestSubscription>();
    }
}
