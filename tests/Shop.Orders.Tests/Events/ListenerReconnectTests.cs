using Npgsql;
using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.Orders.Tests.Events;

/// <summary>The PostgreSQL backplane loses its LISTEN connection while changes are being stored.</summary>
public sealed class ListenerReconnectTests(ListenerReconnectTests.Host orders) : IClassFixture<ListenerReconnectTests.Host>
{
    /// <summary>Reconnects slowly, so the changes stored meanwhile are certainly notified to nobody.</summary>
    public sealed class Host : OrdersHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Shop:Orders:EventReconnectDelay"] = "00:00:02",
        };
    }

    [Fact]
    public async Task ListenConnectionKilledMidStream_SubscriberStillGetsEveryChangeInOrder()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        var backplane = orders.Host.GetRequiredService<PostgresOrderEvents>();
        var hub = orders.Host.GetRequiredService<OrderEventHub>();
        await using var stream = await SseClient.PostAsync(
            orders.Host.CreateHttpClient(), EventStreams.WatchOrder, new { id = order.Id }, orders.Tokens.Customer(customer));
        await Eventually.TrueAsync(() => hub.WatchersOf(order.Id, customer) == 1);
        await orders.TransitionAsync(order.Id, OrderStatus.Reserved);
        var first = await EventStreams.ReadAsync(stream, "orderStatusChanged", 1);

        var connections = backplane.Connections;
        await TerminateAsync(backplane.ListenerProcessId);
        await Eventually.TrueAsync(() => backplane.ListenerProcessId == 0, because: "the listener did not notice its connection ended");
        foreach (var to in EventStreams.Journey[1..])
        {
            await orders.TransitionAsync(order.Id, to);
        }

        Assert.Equal(connections, backplane.Connections);
        var rest = await EventStreams.ReadAsync(stream, "orderStatusChanged", 3);

        var events = first.Concat(rest).ToList();
        Assert.Equal([2, 3, 4, 5], EventStreams.Sequences(events));
        Assert.Equal(EventStreams.JourneyNames, EventStreams.Statuses(events));
        EventStreams.AssertOrderAsOfEachEvent(events);
        Assert.True(backplane.Connections > connections);
    }

    private async Task TerminateAsync(int processId)
    {
        Assert.NotEqual(0, processId);
        await using var connection = new NpgsqlConnection(orders.ConnectionString);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection) { Parameters = { new() { Value = processId } } };
        Assert.Equal(true, await terminate.ExecuteScalarAsync());
    }
}
