using GraphQL.Federation;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace Shop.GraphQL.Relay;

/// <summary>Relay's PageInfo, shareable because every subgraph with a connection defines it.</summary>
public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        this.Shareable();
        Field(info => info.HasNextPage);
        Field(info => info.HasPreviousPage);
        Field(info => info.StartCursor, nullable: true);
        Field(info => info.EndCursor, nullable: true);
    }
}
