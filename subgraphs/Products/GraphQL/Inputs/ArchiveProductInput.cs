using GraphQL.Types;

namespace Shop.Products.GraphQL.Inputs;

public sealed class ArchiveProductInput
{
    public string? Id { get; set; }
}

public sealed class ArchiveProductInputType : InputObjectGraphType<ArchiveProductInput>
{
    public ArchiveProductInputType()
    {
        Name = "ArchiveProductInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
