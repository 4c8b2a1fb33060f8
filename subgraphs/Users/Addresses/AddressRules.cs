using Shop.Domain;
using Shop.Users.Accounts;
using Shop.Users.Data;

namespace Shop.Users.Addresses;

/// <summary>Checks an <see cref="AddressCommand"/> and copies it onto an address.</summary>
internal static class AddressRules
{
    public static void Apply(AddressCommand command, Address address)
    {
        var errors = new List<DomainError>();
        var recipient = TextInput.Required(command.RecipientName, "recipientName", 100, AddressErrors.InvalidAddress, errors);
        var phone = PhoneNumber.Normalize(command.Phone, "phone", errors);
        var line1 = TextInput.Required(command.Line1, "line1", 200, AddressErrors.InvalidAddress, errors);
        var line2 = TextInput.Optional(command.Line2, "line2", 200, AddressErrors.InvalidAddress, errors);
        var city = TextInput.Required(command.City, "city", 100, AddressErrors.InvalidAddress, errors);
        var region = TextInput.Optional(command.Region, "region", 100, AddressErrors.InvalidAddress, errors);
        var postalCode = TextInput.Optional(command.PostalCode, "postalCode", 20, AddressErrors.InvalidAddress, errors);
        var country = CountryCodes.Normalize(command.CountryCode);
        if (country is null)
        {
            errors.Add(new DomainError(AddressErrors.InvalidCountryCode, "A country is its assigned ISO 3166-1 alpha-2 code, such as VN.", "countryCode"));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        address.RecipientName = recipient!;
        address.Phone = phone;
        address.Line1 = line1!;
        address.Line2 = line2;
        address.City = city!;
        address.Region = region;
        address.PostalCode = postalCode;
        address.CountryCode = country!;
    }

    public static Guid ParseId(string? addressId)
        => Guid.TryParse(addressId, out var id)
            ? id
            : throw new DomainException(new DomainError(IdErrors.Invalid, "'addressId' is not an address id.", "addressId"));
}
