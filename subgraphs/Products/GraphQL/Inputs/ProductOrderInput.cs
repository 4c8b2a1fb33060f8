using GraphQL.Types;
using Shop.Products.Catalog;

namespace Shop.Products.GraphQL.Inputs;

public sealed class ProductOrderInput
{
    public ProductSortField Field { get; set; }

    public SortDirection Direction { get; set; }
}

public sealed class ProductOrderInputType : InputObjectGraphType<ProductOrderInput>
{
    public ProductOrderInputType()
    {
        Name = "ProductOrderInput";
        Field<NonNullGraphType<ProductSortFieldType>>("field");
        Field<NonNullGraphType<SortDirectionType>>("direction").DefaultValue(SortDirection.Asc);
    }
}

public enum SortDirection
{
    Asc,
    Desc,
}

public sealed class SortDirectionType : EnumerationGraphType<SortDirection>
{
    public SortDirectionType() => Name = "SortDirection";
}

public sealed class ProductSortFieldType : EnumerationGraphType<ProductSortField>
{
    public ProductSortFieldType()
    {
        Name = "ProductSortField";
        Description = "What a product list is sorted by; ties are always broken by id.";
    }
}
