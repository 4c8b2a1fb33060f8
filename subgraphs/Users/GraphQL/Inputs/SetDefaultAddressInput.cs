using GraphQL.Types;

namespace Shop.Users.GraphQL.Inputs;

public sealed class SetDefaultAddressInput
{
    public string? AddressId { get; set; }
}

public sealed class SetDefaultAddressInputType : InputObjectGraphType<SetDefaultAddressInput>
{
    public SetDefaultAddressInputType()
    {
        Name = "SetDefaultAddressInput";
        Field<NonNullGraphType<IdGraphType>>("addressId");
    }
}
