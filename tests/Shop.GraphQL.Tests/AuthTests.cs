using System.Net;

namespace Shop.GraphQL.Tests;

/// <summary>Access tokens: accepted when Shop's users service signed them, refused in every other case.</summary>
public sealed class AuthTests(SampleHost sample) : IClassFixture<SampleHost>
{
    [Fact]
    public async Task ValidToken_MakesTheCallerAvailableToResolvers()
    {
        var userId = Guid.NewGuid();

        var response = await sample.Client(sample.Tokens.Customer(userId)).PostAsync("{ me { userId role } }");

        var me = response.EnsureNoErrors().Data.GetProperty("me");
        Assert.Equal(userId.ToString(), me.GetProperty("userId").GetString());
        Assert.Equal("CUSTOMER", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task NoToken_IsAnonymous_AndProtectedFieldsSayUnauthenticated()
    {
        var response = await sample.Client().PostAsync("{ hello me { userId } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
        Assert.Equal("UNAUTHENTICATED", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Customer_OnAdminField_IsForbidden()
    {
        var response = await sample.Client(sample.Tokens.Customer()).PostAsync("{ adminSecret }");

        Assert.Equal("FORBIDDEN", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Admin_OnAdminField_IsServed()
    {
        var response = await sample.Client(sample.Tokens.Admin()).PostAsync("{ adminSecret }");

        Assert.Equal("for admins", response.EnsureNoErrors().Data.GetProperty("adminSecret").GetString());
    }

    public static TheoryData<string> BadTokens => ["expired", "wrongly-signed", "alg-none", "malformed", "wrong-issuer", "wrong-audience", "unknown-role", "hs256-public-key", "empty"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_IsRejectedWith401(string kind)
    {
        var userId = Guid.NewGuid();
        var token = kind switch
        {
            "expired" => sample.Tokens.Expired(userId),
            "wrongly-signed" => sample.Tokens.WronglySigned(userId),
            "alg-none" => sample.Tokens.Unsigned(userId),
            "malformed" => "not.a.jwt",
            "wrong-issuer" => sample.Tokens.Token(userId, "ADMIN", issuer: "someone-else"),
            "wrong-audience" => sample.Tokens.Token(userId, "ADMIN", audience: "other-app"),
            "unknown-role" => sample.Tokens.Token(userId, "SUPERUSER"),
            "hs256-public-key" => sample.Tokens.Hs256WithPublicKey(userId),
            _ => " ",
        };

        var response = await sample.Client(token).PostAsync("{ hello }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", Assert.Single(response.ErrorCodes));
    }
}
