using System.Net;
using System.Net.WebSockets;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests;

/// <summary>
/// The users service's keys out of reach: a token that cannot be checked is the server's trouble,
/// not the caller's, so it is 503 AUTH_UNAVAILABLE over HTTP and close 1011 over WebSocket, never a
/// 401 that sends a signed-in customer back to the login page.
/// </summary>
public sealed class AuthUnavailableTests(AuthUnavailableTests.Host sample) : IClassFixture<AuthUnavailableTests.Host>
{
    public sealed class Host : SampleHost
    {
        // Nothing listens on port 1.
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Shop:Auth:JwksUrl"] = "http://127.0.0.1:1/.well-known/jwks.json",
        };
    }

    [Fact]
    public async Task Post_WithTokenWhileKeysUnreachable_Is503AuthUnavailable()
    {
        var response = await sample.Client(sample.Tokens.Customer()).PostAsync("{ hello }");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        Assert.Equal("AUTH_UNAVAILABLE", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task Post_AnonymousWhileKeysUnreachable_IsServed()
    {
        var response = await sample.Client().PostAsync("{ hello }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task WebSocket_TokenInConnectionInitWhileKeysUnreachable_Closes1011()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + sample.Tokens.Customer() } });

        Assert.Equal(WebSocketCloseStatus.InternalServerError, await client.WaitForCloseAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Authentication unavailable", client.CloseDescription);
    }
}
