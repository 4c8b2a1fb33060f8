using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace Shop.GraphQL.Relay;

/// <summary>
/// A Relay connection of <typeparamref name="TNodeType"/>: <c>edges { node cursor }</c>, <c>nodes</c>,
/// <c>pageInfo</c> and <c>totalCount</c>. Subclass it once per node, naming the node.
/// </summary>
public abstract class ConnectionGraphType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    protected ConnectionGraphType(string nodeName)
    {
        Name = nodeName + "Connection";
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Items matching the query across all pages.")
            .Resolve(context => context.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, TNode>>>>>("edges")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The nodes of the edges, for clients that need no cursors.")
            .Resolve(context => context.Source.Edges?.Select(edge => edge.Node));
    }
}

/// <summary>An edge of a connection; named after its node (<c>ProductEdge</c>).</summary>
public sealed class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        var nodeName = typeof(TNodeType).Name;
        Name = (nodeName.EndsWith("Type", StringComparison.Ordinal) ? nodeName[..^4] : nodeName) + "Edge";
        Field<NonNullGraphType<TNodeType>>("node").Resolve(context => context.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(context => context.Source.Cursor);
    }
}
