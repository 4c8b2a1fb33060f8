using Shop.GraphQL.Resolvers;
using GraphQL.Federation;
using GraphQL.Types;
using Shop.GraphQL.DataLoader;
using Shop.GraphQL.Money;
using Shop.Products.Data;
using Shop.Products.GraphQL.DataLoaders;
using Shop.Domain;

namespace Shop.Products.GraphQL;

public sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        Name = "Product";
        Description = "Something the shop sells. Archived products (active: false) are visible to admins only.";
        this.Key("id");
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field(product => product.Sku).Description("Stock-keeping unit, unique, upper case.");
        Field(product => product.Name);
        Field(product => product.Description).Description("Plain text; may be empty.");
        Field<NonNullGraphType<MoneyType>>("price").Description("Price of one unit.").Resolve(context => context.Source.Price);
        Field(product => product.Active).Description("False once archived: no longer sold.");
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(context => context.Source.CreatedAt.UtcDateTime);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt")
            .Description("Last change to the catalog entry; stock changes do not count.")
            .Resolve(context => context.Source.UpdatedAt.UtcDateTime);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("By name.")
            .Resolve(context => context.Service<CategoriesByProductIdDataLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductImageType>>>>("images")
            .Description("In display order.")
            .Resolve(context => context.Service<ImagesByProductIdDataLoader>().Load(context.Source.Id));
        Field<ProductImageType>("primaryImage")
            .Description("The image to show first; null for a product without images.")
            .Resolve(context => context.Service<ImagesByProductIdDataLoader>().Load(context.Source.Id).Then(images => images?.FirstOrDefault(i => i.IsPrimary)));
        Field<NonNullGraphType<StockType>>("stock").Resolve(context => context.Source.Stock);

        // Any caller: the subgraph holding the reference (an order line) already decided who sees it.
        this.ResolveReference<ProductReference, Product>((context, reference) => Guid.TryParse(reference.Id, out var id)
            ? context.Service<ProductByIdDataLoader>().Load(id)!
            : throw new ExecutionError("'id' is not a product id.") { Code = IdErrors.Invalid });
    }
}

/// <summary>What a gateway sends to fetch a product: its key.</summary>
public sealed class ProductReference
{
    public string? Id { get; set; }
}
