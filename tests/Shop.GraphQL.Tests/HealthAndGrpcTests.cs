using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults.Grpc;
using Shop.Testing.Hosting;
using Shop.Testing.Security;

namespace Shop.GraphQL.Tests;

/// <summary>Health endpoints, the gRPC health service, the port split, and gRPC client defaults.</summary>
public sealed class HealthAndGrpcTests(SampleHost sample) : IClassFixture<SampleHost>
{
    [Fact]
    public async Task Live_And_Ready_Are200WhenTheDatabaseAnswers()
    {
        using var http = sample.Host.CreateHttpClient();

        using var live = await http.GetAsync("/health/live");
        using var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("postgres-sample", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GrpcHealth_IsServedOnTheInternalPort()
    {
        var client = new Health.HealthClient(sample.Host.GrpcChannel(TestCertificates.TestHost));

        var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Grpc_IsNotServedOnThePublicPort()
    {
        using var channel = GrpcChannel.ForAddress(sample.Host.HttpAddress);
        var client = new Health.HealthClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task GraphQL_IsNotServedOnTheInternalPort()
    {
        using var handler = TestServiceHost.CreateGrpcHandler(TestCertificates.TestHost);
        using var http = new HttpClient(handler) { BaseAddress = sample.Host.GrpcAddress, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.PostAsync("/graphql", new StringContent("""{"query":"{ hello }"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ShopGrpcClient_AppliesTheDefaultDeadline()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestCertificates.Shared.Settings(TestCertificates.TestHost))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Shop:Services:sample:Grpc"] = sample.Host.GrpcAddress.ToString() })
            .Build();
        services.AddShopGrpcClient<Health.HealthClient>(configuration, "sample", deadline: TimeSpan.FromMilliseconds(300));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<Health.HealthClient>();

        // Watch never ends on its own: only the deadline stops it.
        using var watch = client.Watch(new HealthCheckRequest());
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await watch.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }
}
