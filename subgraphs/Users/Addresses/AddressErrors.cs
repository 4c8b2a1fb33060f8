using Shop.Domain;

namespace Shop.Users.Addresses;

public static class AddressErrors
{
    public const string InvalidAddress = "INVALID_ADDRESS";
    public const string InvalidCountryCode = "INVALID_COUNTRY_CODE";
    public const string LimitReached = "ADDRESS_LIMIT_REACHED";

    public static DomainException NotFoundError()
        => new(new DomainError(IdErrors.NotFound, "You have no address with this id.", "addressId"));
}
