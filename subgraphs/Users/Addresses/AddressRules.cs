using Shop.ServiceDefaults.Domain;
using Shop.Users.Accounts;
using Shop.Users.Data;

namespace Shop.Users.Addresses;

/// <summary>Checks an <see cref="AddressCommand"/> and copies it onto an address.</summary>
internal static class AddressRules
{
    public static void Apply(AddressCommand command, Address address)
    {
        var errors = new List<DomainError>();
        var recipient = TextField.Required(command.RecipientName, "recipientName", 100, errors, AddressErrors.InvalidAddress);
        var phone = PhoneNumber.Normalize(command.Phone, "phone", errors);
        var line1 = TextField.Required(command.Line1, "line1", 200, errors, AddressErrors.InvalidAddress);
        var line2 = TextField.Optional(command.Line2, "line2", 200, errors, AddressErrors.InvalidAddress);
        var city = TextField.Required(command.City, "city", 100, errors, AddressErrors.InvalidAddress);
        var region = TextField.Optional(command.Region, "region", 100, errors, AddressErrors.InvalidAddress);
        var postalCode = TextField.Optional(command.PostalCode, "postalCode", 20, errors, AddressErrors.InvalidAddress);
        var country = command.CountryCode?.Trim().ToUpperInvariant();
        if (country is not { Length: 2 } || !country.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new DomainError(AddressErrors.InvalidCountryCode, "A country is its ISO 3166-1 alpha-2 code, such as VN.", "countryCode"));
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
