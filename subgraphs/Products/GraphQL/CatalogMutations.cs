using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.Products.Catalog;
using Shop.Products.Data;
using Shop.Products.GraphQL.Inputs;
using Shop.GraphQL.Mutations;
using Shop.Products.GraphQL.Payloads;
using Shop.Domain;

namespace Shop.Products.GraphQL;

/// <summary>createProduct, updateProduct, archiveProduct: the catalog's products.</summary>
internal static class CatalogMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateProductPayloadType>>("createProduct")
            .Description("Adds a product, with no stock yet (see setStock).")
            .Argument<NonNullGraphType<CreateProductInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var input = context.GetArgument<CreateProductInput>("input");
                var errors = new List<DomainError>();
                var categoryIds = IdErrors.ParseMany(input.CategoryIds, "categoryIds", errors);
                return await MutationPayload<Product>.RunAsync(errors, () => context.Service<ProductCatalog>().CreateProductAsync(
                    new NewProduct(input.Sku ?? string.Empty, input.Name ?? string.Empty, input.Description, input.Price ?? string.Empty, categoryIds, Images(input.Images) ?? [], input.Active),
                    context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<UpdateProductPayloadType>>("updateProduct")
            .Description("Changes the given fields of a product.")
            .Argument<NonNullGraphType<UpdateProductInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var input = context.GetArgument<UpdateProductInput>("input");
                var errors = new List<DomainError>();
                var id = IdErrors.Parse(input.Id, "id", errors);
                var categoryIds = input.CategoryIds is null ? null : IdErrors.ParseMany(input.CategoryIds, "categoryIds", errors);
                return await MutationPayload<Product>.RunAsync(errors, () => context.Service<ProductCatalog>().UpdateProductAsync(
                    new ProductChanges(id, input.Sku, input.Name, input.Description, input.Price, categoryIds, Images(input.Images), input.Active),
                    context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<ArchiveProductPayloadType>>("archiveProduct")
            .Description("Takes a product off sale; it stays in past orders. updateProduct(active: true) puts it back.")
            .Argument<NonNullGraphType<ArchiveProductInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var input = context.GetArgument<ArchiveProductInput>("input");
                var errors = new List<DomainError>();
                var id = IdErrors.Parse(input.Id, "id", errors);
                return await MutationPayload<Product>.RunAsync(errors, () => context.Service<ProductCatalog>().ArchiveProductAsync(id, context.CancellationToken));
            });
    }

    private static List<ImageDraft>? Images(List<ProductImageInput>? images)
        => images?.Select(image => new ImageDraft(image.Url ?? string.Empty, image.AltText, image.Primary)).ToList();
}
