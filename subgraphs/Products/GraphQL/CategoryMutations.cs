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

internal static class CategoryMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateCategoryPayloadType>>("createCategory")
            .Argument<NonNullGraphType<CreateCategoryInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var input = context.GetArgument<CreateCategoryInput>("input");
                return await MutationPayload<Category>.RunAsync([], () =>
                    context.Service<CategoryCatalog>().CreateCategoryAsync(input.Slug, input.Name, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<RenameCategoryPayloadType>>("renameCategory")
            .Description("Changes a category's name; its slug stays.")
            .Argument<NonNullGraphType<RenameCategoryInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.RequireAdmin();
                var input = context.GetArgument<RenameCategoryInput>("input");
                var errors = new List<DomainError>();
                var id = IdErrors.Parse(input.Id, "id", errors);
                return await MutationPayload<Category>.RunAsync(errors, () =>
                    context.Service<CategoryCatalog>().RenameCategoryAsync(id, input.Name, context.CancellationToken));
            });
    }
}
