namespace Shop.Users.Addresses;

/// <summary>
/// An address as entered. <paramref name="IsDefault"/>: true makes it the default, false stops it
/// being the default, null leaves that as it is (a user's first address is always the default).
/// </summary>
public sealed record AddressCommand(
    string? RecipientName,
    string? Phone,
    string? Line1,
    string? Line2,
    string? City,
    string? Region,
    string? PostalCode,
    string? CountryCode,
    bool? IsDefault);
