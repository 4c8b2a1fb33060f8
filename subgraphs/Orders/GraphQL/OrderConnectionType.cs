using Shop.GraphQL.Relay;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

public sealed class OrderConnectionType() : ConnectionGraphType<OrderType, Order>("Order");
