using GraphQL.Types.Relay.DataObjects;

namespace Shop.GraphQL.Relay;

/// <summary>Builds a Relay connection from a keyset page fetched with one extra row.</summary>
public static class ConnectionFactory
{
    /// <param name="rows">Up to <paramref name="first"/> + 1 rows; the extra one only tells that more follow.</param>
    /// <param name="first">The page size asked for.</param>
    /// <param name="keyOf">The sort key of a row, which its cursor encodes.</param>
    /// <param name="totalCount">Rows matching the filter across all pages.</param>
    /// <param name="hasPreviousPage">Whether the page started after a cursor.</param>
    public static Connection<T> Create<T, TKey>(
        IReadOnlyList<T> rows, int first, Func<T, TKey> keyOf, int totalCount, bool hasPreviousPage)
    {
        var page = rows.Take(first).ToList();
        var edges = page.Select(row => new Edge<T> { Node = row, Cursor = Cursor.Encode(keyOf(row)) }).ToList();
        return new Connection<T>
        {
            Edges = edges,
            TotalCount = totalCount,
            PageInfo = new PageInfo
            {
                HasNextPage = rows.Count > first,
                HasPreviousPage = hasPreviousPage,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
