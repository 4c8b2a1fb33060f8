using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shop.Testing.Auth;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests;

/// <summary>
/// The users service starts signing with a new key while a subgraph still holds the old key set: the
/// first token with the new key id makes the subgraph fetch the set again and is served, over HTTP
/// and WebSocket; made-up key ids cannot make it fetch more than once per interval.
/// </summary>
public sealed class KeyRotationTests(KeyRotationTests.Host sample) : IClassFixture<KeyRotationTests.Host>
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(2);

    public sealed class Host : SampleHost
    {
        private int _fetches;

        public TestTokenIssuer Next { get; } = new();

        /// <summary>Whether the published set holds the next key too.</summary>
        public bool Rotated { get; set; }

        public int Fetches => Volatile.Read(ref _fetches);

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Shop:Auth:KeyRefreshMinInterval"] = MinInterval.ToString(),
        };

        protected override string Jwks()
        {
            Interlocked.Increment(ref _fetches);
            var keys = new JsonArray();
            foreach (var issuer in Rotated ? new[] { Tokens, Next } : [Tokens])
            {
                foreach (var key in JsonNode.Parse(issuer.JwksJson)!["keys"]!.AsArray())
                {
                    keys.Add(key!.DeepClone());
                }
            }

            return new JsonObject { ["keys"] = keys }.ToJsonString();
        }
    }

    [Fact]
    public async Task NewSigningKey_FirstTokenWithIt_IsServedOverHttpAndWebSocket()
    {
        var userId = Guid.NewGuid();
        (await sample.Client(sample.Tokens.Customer()).PostAsync("{ hello }")).EnsureNoErrors();

        sample.Rotated = true;
        await Task.Delay(MinInterval);
        var overHttp = await sample.Client(sample.Next.Customer(userId)).PostAsync("{ me { userId } }");
        await using var socket = await GraphQLWsClient.ConnectAsync(sample.Host.WebSocketAddress);
        await socket.InitAsync(new { Authorization = "Bearer " + sample.Next.Customer(userId) });

        Assert.Equal(HttpStatusCode.OK, overHttp.Status);
        Assert.Equal(userId.ToString(), overHttp.EnsureNoErrors().Data.GetProperty("me").GetProperty("userId").GetString());
    }

    [Fact]
    public async Task UnknownKeyIds_ManyAtOnce_FetchTheKeySetAtMostOncePerInterval()
    {
        var forged = Enumerable.Range(0, 40).Select(_ =>
        {
            using var stranger = new TestTokenIssuer();
            return stranger.Customer();
        }).ToList();
        (await sample.Client(sample.Tokens.Customer()).PostAsync("{ hello }")).EnsureNoErrors();
        await Task.Delay(MinInterval);
        var before = sample.Fetches;

        var responses = await Task.WhenAll(forged.Select(token => sample.Client(token).PostAsync("{ hello }")));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Unauthorized, response.Status));
        Assert.Equal(1, sample.Fetches - before);
    }
}
