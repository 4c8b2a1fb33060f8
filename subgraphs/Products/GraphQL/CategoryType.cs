using Shop.GraphQL.Resolvers;
using GraphQL.Federation;
using GraphQL.Types;
using Shop.Products.Data;
using Shop.Products.GraphQL.DataLoaders;
using Shop.Domain;

namespace Shop.Products.GraphQL;

public sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        Name = "Category";
        Description = "A group of products; a product can be in several.";
        this.Key("id");
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field(category => category.Slug).Description("URL-safe unique name, such as \"coffee-and-tea\"; never changes.");
        Field(category => category.Name);

        this.ResolveReference<CategoryReference, Category>((context, reference) => Guid.TryParse(reference.Id, out var id)
            ? context.Service<CategoryByIdDataLoader>().Load(id)!
            : throw new ExecutionError("'id' is not a category id.") { Code = IdErrors.Invalid });
    }
}

/// <summary>What a gateway sends to fetch a category: its key.</summary>
public sealed class CategoryReference
{
    public string? Id { get; set; }
}
