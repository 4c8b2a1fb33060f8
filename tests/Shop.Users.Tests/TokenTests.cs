using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Auth;
using Shop.Users.Tokens;

namespace Shop.Users.Tests;

/// <summary>Access tokens: their signature and claims, the JWKS, the persisted key, and every kind of bad token.</summary>
public sealed class TokenTests(UsersHost users) : IClassFixture<UsersHost>
{
    [Fact]
    public async Task Jwks_ListsTheKeyWithItsId_AndIssuedTokensValidateAgainstIt()
    {
        var session = await users.NewCustomerAsync();
        using var http = users.Host.CreateHttpClient();

        using var response = await http.GetAsync("/.well-known/jwks.json");
        var jwks = new JsonWebKeySet(await response.Content.ReadAsStringAsync());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(session.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "shop-users",
            ValidAudience = "shop",
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = Assert.Single(jwks.Keys);
        Assert.False(string.IsNullOrEmpty(key.Kid));
        Assert.Equal("RS256", key.Alg);
        Assert.Null(key.D);
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(key.Kid, token.Kid);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(session.UserId.ToString(), token.Subject);
        Assert.Equal("CUSTOMER", token.GetClaim("role").Value);
        Assert.EndsWith("@example.test", token.GetClaim("email").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningKey_IsPersisted_ASecondInstanceOnTheSameDatabaseAcceptsEarlierTokens()
    {
        var session = await users.NewCustomerAsync();

        var second = await users.StartHostAsync();
        var me = await users.Client(session.AccessToken, host: second).PostAsync(Gql.Me);
        var firstKeys = await (await users.Host.CreateHttpClient().GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync();
        var secondKeys = await (await second.CreateHttpClient().GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync();

        Assert.Equal(session.UserId.ToString(), me.EnsureNoErrors().Data.GetProperty("me").GetProperty("id").GetString());
        Assert.Equal(firstKeys, secondKeys);
    }

    [Fact]
    public async Task WebSocketTokenValidator_UsesTheServiceKeys()
    {
        var session = await users.NewCustomerAsync();
        var validator = users.Host.GetRequiredService<AccessTokenValidator>();

        var principal = await validator.ValidateAsync(session.AccessToken, CancellationToken.None);
        var forged = await validator.ValidateAsync(ForgedTokens.WronglySigned(await CurrentKeyAsync(), session.UserId), CancellationToken.None);

        Assert.Equal(session.UserId.ToString(), principal?.FindFirst("sub")?.Value);
        Assert.Null(forged);
    }

    [Fact]
    public async Task ConfiguredEcKey_SignsES256_AndIsPublished()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var host = await users.StartHostAsync(new Dictionary<string, string?> { ["Shop:Users:SigningKey"] = ec.ExportPkcs8PrivateKeyPem() });
        var email = UsersHost.NewEmail();
        await users.RegisterAsync(email);

        var login = (await users.Client(host: host).PostAsync(Gql.Login, new { input = new { email, password = UsersHost.Password } }))
            .EnsureNoErrors().Data.GetProperty("login");
        var token = new JsonWebToken(login.GetProperty("accessToken").GetString()!);
        var jwks = new JsonWebKeySet(await (await host.CreateHttpClient().GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync());
        var me = await users.Client(token.EncodedToken, host: host).PostAsync(Gql.Me);

        Assert.Equal("ES256", token.Alg);
        Assert.Equal(token.Kid, Assert.Single(jwks.Keys).Kid);
        Assert.Equal("P-256", jwks.Keys[0].Crv);
        Assert.Equal(email, me.EnsureNoErrors().Data.GetProperty("me").GetProperty("email").GetString());
    }

    public static TheoryData<string> BadTokens => ["malformed", "expired", "wrongly-signed", "alg-none"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_IsRejectedWith401(string kind)
    {
        var key = await CurrentKeyAsync();
        var userId = Guid.NewGuid();
        var token = kind switch
        {
            "malformed" => "eyJhbGciOiJSUzI1NiJ9.not-json.x",
            "expired" => ForgedTokens.Expired(key, userId),
            "wrongly-signed" => ForgedTokens.WronglySigned(key, userId),
            _ => ForgedTokens.Unsigned(key, userId),
        };

        var response = await users.Client(token).PostAsync(Gql.Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", Assert.Single(response.ErrorCodes));
    }

    private async Task<SigningKey> CurrentKeyAsync()
        => (await users.Host.GetRequiredService<SigningKeyStore>().GetAsync(CancellationToken.None)).Current;
}
