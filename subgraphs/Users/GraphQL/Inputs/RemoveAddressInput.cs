using GraphQL.Types;

namespace Shop.Users.GraphQL.Inputs;

public sealed class RemoveAddressInput
{
    public string? AddressId { get; set; }
}

public sealed class RemoveAddressInputType : InputObjectGraphType<RemoveAddressInput>
{
    public RemoveAddressInputType()
    {
        Name = "RemoveAddressInput";
        Field<NonNullGraphType<IdGraphType>>("addressId");
    }
}
