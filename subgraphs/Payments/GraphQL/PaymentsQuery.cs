using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.Relay;
using Shop.GraphQL.Resolvers;
using Shop.Payments.Paying;

namespace Shop.Payments.GraphQL;

public sealed class PaymentsQuery : ObjectGraphType
{
    public PaymentsQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<PaymentConnectionType>>("payments")
            .Description("Every payment, newest first (admins only).")
            .Arguments(PageRequest<PaymentCursor>.Arguments(new QueryArgument<PaymentStatusType> { Name = "status" }))
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var page = PageRequest<PaymentCursor>.From(context);
                var status = context.GetArgument<PaymentStatus?>("status");
                var found = await context.Service<IPaymentRepository>().ListAsync(new PaymentQuery(status, page.First, page.After), context.CancellationToken);
                return ConnectionFactory.Create(found.Payments, page.First, p => new PaymentCursor(p.CreatedAt, p.OrderId), found.TotalCount, page.After is not null);
            });
    }
}
