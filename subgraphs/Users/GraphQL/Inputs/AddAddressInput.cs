using GraphQL.Types;

namespace Shop.Users.GraphQL.Inputs;

public sealed class AddAddressInput
{
    public string? RecipientName { get; set; }

    public string? Phone { get; set; }

    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    public string? CountryCode { get; set; }

    public bool? IsDefault { get; set; }
}

public sealed class AddAddressInputType : InputObjectGraphType<AddAddressInput>
{
    public AddAddressInputType()
    {
        Name = "AddAddressInput";
        Field<NonNullGraphType<StringGraphType>>("recipientName");
        Field<StringGraphType>("phone");
        Field<NonNullGraphType<StringGraphType>>("line1");
        Field<StringGraphType>("line2");
        Field<NonNullGraphType<StringGraphType>>("city");
        Field<StringGraphType>("region").Description("Province or state.");
        Field<StringGraphType>("postalCode");
        Field<NonNullGraphType<StringGraphType>>("countryCode").Description("ISO 3166-1 alpha-2, such as VN.");
        Field<BooleanGraphType>("isDefault").Description("Make it the default address; a first address always is.");
    }
}
