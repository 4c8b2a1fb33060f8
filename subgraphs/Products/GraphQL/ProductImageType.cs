using GraphQL.Types;
using Shop.Products.Data;

namespace Shop.Products.GraphQL;

public sealed class ProductImageType : ObjectGraphType<ProductImage>
{
    public ProductImageType()
    {
        Name = "ProductImage";
        Field(image => image.Url).Description("An absolute https URL.");
        Field(image => image.AltText).Description("Describes the picture for people who cannot see it; may be empty.");
        Field<NonNullGraphType<BooleanGraphType>>("primary").Description("The one image to show first.").Resolve(context => context.Source.IsPrimary);
    }
}
