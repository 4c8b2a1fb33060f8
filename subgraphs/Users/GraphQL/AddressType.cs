using GraphQL.Types;
using Shop.Users.Data;

namespace Shop.Users.GraphQL;

public sealed class AddressType : ObjectGraphType<Address>
{
    public AddressType()
    {
        Name = "Address";
        Description = "A delivery address in a user's address book.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field(address => address.RecipientName);
        Field(address => address.Phone, nullable: true);
        Field(address => address.Line1);
        Field(address => address.Line2, nullable: true);
        Field(address => address.City);
        Field(address => address.Region, nullable: true).Description("Province or state.");
        Field(address => address.PostalCode, nullable: true);
        Field(address => address.CountryCode).Description("ISO 3166-1 alpha-2, such as VN.");
        Field(address => address.IsDefault).Description("At most one address of a user is the default.");
    }
}
