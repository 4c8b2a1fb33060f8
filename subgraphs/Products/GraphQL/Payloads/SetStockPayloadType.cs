using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Products.Data;
using Shop.Products.Inventory;
using Shop.Domain;

namespace Shop.Products.GraphQL.Payloads;

/// <summary>A product after its stock was set, and the adjustment that records it.</summary>
public sealed record StockSet(Product Product, StockAdjustment Adjustment);

public sealed class SetStockPayloadType : PayloadType<StockSet, SetStockErrorType>
{
    public SetStockPayloadType()
        : base("SetStockPayload", payload =>
        {
            payload.Field<ProductType>("product").Description("The product with its new stock; null when errors say why not.")
                .Resolve(context => context.Source.Entity?.Product);
            payload.Field<StockAdjustmentType>("adjustment").Description("The recorded change; null when errors say why not.")
                .Resolve(context => context.Source.Entity?.Adjustment);
        })
    {
    }
}

public sealed class SetStockErrorType() : DomainErrorType(
    "SetStockError",
    "Why setStock refused.",
    IdErrors.Invalid,
    IdErrors.NotFound,
    InventoryErrors.InvalidQuantity,
    InventoryErrors.InvalidReason,
    InventoryErrors.StockBelowReserved);
