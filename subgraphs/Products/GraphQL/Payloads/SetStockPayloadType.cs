using GraphQL.Types;
using Shop.GraphQL.Errors;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.Payloads;

/// <summary>A product after its stock was set, and the adjustment that records it.</summary>
public sealed record StockSet(Product Product, StockAdjustment Adjustment);

public sealed class SetStockPayloadType : ObjectGraphType<MutationPayload<StockSet>>
{
    public SetStockPayloadType()
    {
        Name = "SetStockPayload";
        Field<ProductType>("product").Description("The product with its new stock; null when errors say why not.")
            .Resolve(context => context.Source.Entity?.Product);
        Field<StockAdjustmentType>("adjustment").Description("The recorded change; null when errors say why not.")
            .Resolve(context => context.Source.Entity?.Adjustment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SetStockErrorType>>>>("errors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(context => context.Source.Errors);
    }
}

public sealed class SetStockErrorType() : DomainErrorType(
    "SetStockError", "Why setStock refused: NOT_FOUND, INVALID_ID, INVALID_QUANTITY, INVALID_REASON, STOCK_BELOW_RESERVED.");
