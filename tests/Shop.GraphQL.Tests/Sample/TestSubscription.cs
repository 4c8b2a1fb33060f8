using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Shop.GraphQL.Authorization;

namespace Shop.GraphQL.Tests.Sample;

public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription()
    {
        Name = "Subscription";
        Field<NonNullGraphType<IntGraphType>, int>("count")
            .Argument<NonNullGraphType<IntGraphType>>("to")
            .Argument<IntGraphType>("intervalMs")
            .ResolveStream(context => new CountingSource(
                context.GetArgument<int>("to"),
                TimeSpan.FromMilliseconds(context.GetArgument<int?>("intervalMs") ?? 10),
                context.RequestServices!.GetRequiredService<Probe>()));
        Field<NonNullGraphType<StringGraphType>, string>("forever")
            .ResolveStream(context => new CountingSource(int.MaxValue, TimeSpan.FromSeconds(3600), context.RequestServices!.GetRequiredService<Probe>())
                .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Field<NonNullGraphType<StringGraphType>, string>("brokenSource")
            .ResolveStream(_ => new BrokenSource());
        Field<NonNullGraphType<StringGraphType>, string>("whoami")
            .ResolveStream(context =>
            {
                var caller = context.RequireCaller();
                return new CountingSource(1, TimeSpan.Zero, context.RequestServices!.GetRequiredService<Probe>())
                    .Select(_ => caller.UserId.ToString());
            });
    }
}
