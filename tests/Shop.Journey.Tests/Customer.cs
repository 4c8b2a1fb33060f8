using Shop.Testing.Clients;
using Shop.Testing.Platform;

namespace Shop.Journey.Tests;

/// <summary>A customer who registered and signed in through the gateway.</summary>
public sealed record Customer(Guid Id, string Email, string AccessToken)
{
    public static async Task<Customer> RegisterAsync(ShopPlatform platform, string firstName)
    {
        var email = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@journey.test";
        const string Password = "Correct-Horse-Battery-9";
        var client = platform.Client();

        var registered = await client.PostAsync(
            "mutation ($i: RegisterInput!) { register(input: $i) { user { id } errors { code message } } }",
            new { i = new { email, password = Password, firstName, lastName = "Nguyễn" } });
        var user = registered.EnsureNoErrors().Data.GetProperty("register").GetProperty("user");
        var login = await client.PostAsync(
            "mutation ($i: LoginInput!) { login(input: $i) { accessToken errors { code } } }",
            new { i = new { email, password = Password } });
        var token = login.EnsureNoErrors().Data.GetProperty("login").GetProperty("accessToken").GetString()!;
        return new Customer(Guid.Parse(user.GetProperty("id").GetString()!), email, token);
    }

    public GraphQLHttpClient Client(ShopPlatform platform) => platform.Client(AccessToken);
}
