using Npgsql;

namespace Shop.Bench.Products;

/// <summary>
/// The SQL a GraphQL page sent, sent again by hand through Npgsql on the service's own data source:
/// the same statements and parameters in the same round trips, on one connection, each row read
/// into an object array. What the page would cost with no GraphQL, HTTP or EF Core in between.
/// </summary>
public sealed class HandWrittenPage(NpgsqlDataSource dataSource, IReadOnlyList<RecordedCommand> commands)
{
    /// <summary>Runs the statements once; the rows read, so a page that found nothing shows.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<object[]>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var recorded in commands)
        {
            await using var command = new NpgsqlCommand(recorded.Sql, connection);
            foreach (var parameter in recorded.Parameters)
            {
                command.Parameters.Add(parameter.Clone());
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }
        }

        return rows.Count;
    }
}
