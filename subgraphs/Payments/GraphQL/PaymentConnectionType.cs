using Shop.GraphQL.Relay;
using Shop.Payments.Paying;

namespace Shop.Payments.GraphQL;

public sealed class PaymentConnectionType() : ConnectionGraphType<PaymentType, Payment>("Payment");
