using System.Text.Json;

namespace Shop.Users.Tests;

/// <summary>The operations the tests send, and readers for their payloads.</summary>
public static class Gql
{
    private const string SessionFields = "user { id email role } accessToken expiresAt refreshToken refreshTokenExpiresAt errors { code message field }";

    public const string Register = "mutation($input: RegisterInput!) { register(input: $input) { user { id email firstName lastName phone role } errors { code message field } } }";
    public const string Login = "mutation($input: LoginInput!) { login(input: $input) { " + SessionFields + " retryAfter } }";
    public const string Refresh = "mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { " + SessionFields + " } }";
    public const string Logout = "mutation($input: LogoutInput!) { logout(input: $input) { loggedOut errors { code message field } } }";
    public const string ChangePassword = "mutation($input: ChangePasswordInput!) { changePassword(input: $input) { " + SessionFields + " retryAfter } }";
    public const string UpdateProfile = "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id firstName lastName phone } errors { code message field } } }";
    public const string Me = "{ me { id email firstName lastName role createdAt } }";

    private const string AddressFields = "address { id recipientName phone line1 line2 city region postalCode countryCode isDefault } user { id addresses { id isDefault } defaultAddress { id } } errors { code message field }";
    public const string AddAddress = "mutation($input: AddAddressInput!) { addAddress(input: $input) { " + AddressFields + " } }";
    public const string UpdateAddress = "mutation($input: UpdateAddressInput!) { updateAddress(input: $input) { " + AddressFields + " } }";
    public const string SetDefaultAddress = "mutation($input: SetDefaultAddressInput!) { setDefaultAddress(input: $input) { " + AddressFields + " } }";
    public const string RemoveAddress = "mutation($input: RemoveAddressInput!) { removeAddress(input: $input) { removedAddressId user { id addresses { id isDefault } } errors { code message field } } }";

    /// <summary>The codes of a payload's <c>errors</c>.</summary>
    public static string[] Codes(JsonElement payload) => [.. payload.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];
}
