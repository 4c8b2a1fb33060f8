using System.Text.Json;
using Npgsql;
using Shop.Orders.Events;
using Shop.Orders.Ordering;
using Shop.Orders.Storage.Postgres;

namespace Shop.Orders.Tests.Storage;

public sealed class PostgresOrderRepositoryTests(OrdersDatabase database) : OrderRepositoryContract, IClassFixture<OrdersDatabase>
{
    protected override IOrderRepository Repository() => new PostgresOrderRepository(database.CreateContextFactory());

    protected override async Task<Task<OrderStatusChanged>> ListenForPublishedAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var received = new TaskCompletionSource<OrderStatusChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Notification += (_, n) => received.TrySetResult(JsonSerializer.Deserialize<OrderStatusChanged>(n.Payload, OrderEventJson.Options)!);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresOrderRepository.NotificationChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync();
        }

        _ = Task.Run(async () =>
        {
            await using (connection)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    while (!received.Task.IsCompleted)
                    {
                        await connection.WaitAsync(timeout.Token);
                    }
                }
                catch (OperationCanceledException)
                {
                    received.TrySetCanceled();
                }
            }
        });
        return received.Task;
    }
}
