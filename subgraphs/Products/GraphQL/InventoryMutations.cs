using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.Mutations;
using Shop.GraphQL.Resolvers;
using Shop.Products.GraphQL.DataLoaders;
using Shop.Products.GraphQL.Inputs;
using Shop.Products.GraphQL.Payloads;
using Shop.Products.Inventory;
using Shop.Domain;

namespace Shop.Products.GraphQL;

/// <summary>setStock: the inventory's counts, recorded with their reason.</summary>
internal static class InventoryMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SetStockPayloadType>>("setStock")
            .Description("Sets the units on hand after a count or a delivery, recording the reason.")
            .Argument<NonNullGraphType<SetStockInputType>>("input")
            .ResolveAsync(async context =>
            {
                var admin = context.RequireAdmin();
                var input = context.GetArgument<SetStockInput>("input");
                var errors = new List<DomainError>();
                var productId = IdErrors.Parse(input.ProductId, "productId", errors);
                return await MutationPayload<StockSet>.RunAsync(errors, async () =>
                {
                    var change = await context.Service<InventoryLedger>().SetStockAsync(productId, input.Total, input.Reason, admin.UserId, context.CancellationToken);
                    var product = await context.Service<ProductByIdDataLoader>().Load(productId).GetResultAsync(context.CancellationToken);
                    return new StockSet(product!, change.Adjustment);
                });
            });
    }
}
