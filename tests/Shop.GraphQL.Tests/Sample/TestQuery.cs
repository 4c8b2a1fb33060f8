using GraphQL.Types;
using Shop.GraphQL.Authorization;

namespace Shop.GraphQL.Tests.Sample;

public sealed class TestQuery : ObjectGraphType
{
    public TestQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>>("hello").Resolve(_ => "world");
        Field<NonNullGraphType<StringGraphType>>("echo")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Resolve(context => context.GetArgument<string>("text"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("books").Resolve(_ => Probe.Books);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("shelf")
            .Argument<IntGraphType>("first")
            .Resolve(context => Probe.Books.Take(Math.Max(0, context.GetArgument<int?>("first") ?? Probe.Books.Length)));
        Field<TrapGraphType>("trap").Resolve(_ => new TrapValue());
        Field<StringGraphType>("boom").Resolve(_ => throw new InvalidOperationException("connection string Password=hunter2 leaked"));
        Field<ViewerType>("me").Resolve(context => context.RequireCaller());
        Field<StringGraphType>("adminSecret").Resolve(context =>
        {
            context.RequireAdmin();
            return "for admins";
        });
    }
}
