namespace Shop.Payments.GraphQL;

public sealed class PaymentsSchema : global::GraphQL.Types.Schema
{
    public PaymentsSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<PaymentsQuery>();
    }
}
