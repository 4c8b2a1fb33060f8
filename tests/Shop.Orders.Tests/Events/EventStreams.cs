using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.Orders.Tests.Events;

/// <summary>What the event tests share: the watch query, the journey, and reading events off a stream.</summary>
internal static class EventStreams
{
    public const string WatchOrder = """
        subscription ($id: ID!, $after: Int) {
          orderStatusChanged(orderId: $id, afterSequence: $after) { sequence from to reason order { id status statusHistory { sequence } } }
        }
        """;

    public const string WatchMine = "subscription { myOrderUpdates { sequence from to order { id status statusHistory { sequence } } } }";

    public static readonly OrderStatus[] Journey = [OrderStatus.Reserved, OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Completed];

    public static readonly string[] JourneyNames = ["RESERVED", "AWAITING_PAYMENT", "PAID", "COMPLETED"];

    /// <summary>The next <paramref name="count"/> events of <paramref name="field"/> on an SSE stream, within 30 s in all.</summary>
    public static async Task<List<JsonElement>> ReadAsync(SseStream stream, string field, int count)
    {
        var events = new List<JsonElement>();
        // One deadline for the lot: heartbeats would restart a per-read timeout forever.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (events.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"{events.Count} of {count} events arrived in time");
            SseEvent? next;
            try
            {
                next = await stream.ReadAsync(left);
            }
            catch (OperationCanceledException)
            {
                next = null;
            }

            Assert.True(next is not null, $"{events.Count} of {count} events arrived before the stream ended or timed out");
            if (next.IsComment)
            {
                continue;
            }

            Assert.Equal("next", next.Event);
            events.Add(next.Json.GetProperty("data").GetProperty(field));
        }

        return events;
    }

    /// <summary>Each event's order is the order as of that event: its status is the event's, its history ends with it.</summary>
    public static void AssertOrderAsOfEachEvent(IEnumerable<JsonElement> events)
    {
        foreach (var received in events)
        {
            var order = received.GetProperty("order");
            Assert.Equal(received.GetProperty("to").GetString(), order.GetProperty("status").GetString());
            Assert.Equal(received.GetProperty("sequence").GetInt32(), order.GetProperty("statusHistory").EnumerateArray().Last().GetProperty("sequence").GetInt32());
        }
    }

    /// <summary>Seeds an order and watches it over SSE as its customer, once the hub counts the watcher.</summary>
    public static async Task<(Guid Order, SseStream Stream)> WatchNewOrderAsync(this OrdersHost orders)
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        var stream = await SseClient.PostAsync(
            orders.Host.CreateHttpClient(), WatchOrder, new { id = order.Id }, orders.Tokens.Customer(customer));
        await Eventually.TrueAsync(() => orders.Host.GetRequiredService<OrderEventHub>().WatchersOf(order.Id, customer) == 1);
        return (order.Id, stream);
    }

    /// <summary>Moves an order over the orders gRPC API, as order processing does.</summary>
    public static async Task<TransitionResponse> TransitionAsync(this OrdersHost orders, Guid orderId, OrderStatus to)
        => await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = orderId.ToString(), To = to, Reason = "step" });

    public static int[] Sequences(IEnumerable<JsonElement> events) => [.. events.Select(e => e.GetProperty("sequence").GetInt32())];

    public static string[] Statuses(IEnumerable<JsonElement> events) => [.. events.Select(e => e.GetProperty("to").GetString()!)];
}
