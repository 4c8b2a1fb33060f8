using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults.Grpc;
using Shop.Testing.Security;

namespace Shop.GraphQL.Tests;

/// <summary>The kit's gRPC clients retry UNAVAILABLE with backoff, and nothing else.</summary>
public sealed class GrpcRetryTests(GrpcRetryTests.Host sample) : IClassFixture<GrpcRetryTests.Host>
{
    /// <summary>The sample service, its gRPC calls failing on command.</summary>
    public sealed class Host : SampleHost
    {
        public FailureSwitch Failures { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton(Failures);
            services.AddGrpc(grpc => grpc.Interceptors.Add<FailingInterceptor>());
        }
    }

    /// <summary>How many of the next calls fail, with which status; and how many calls arrived.</summary>
    public sealed class FailureSwitch
    {
        private int _remaining;
        private int _calls;

        public StatusCode Code { get; private set; }

        public int Calls => Volatile.Read(ref _calls);

        public void FailNext(int count, StatusCode code)
        {
            Code = code;
            Interlocked.Exchange(ref _calls, 0);
            Interlocked.Exchange(ref _remaining, count);
        }

        public bool NextCallFails()
        {
            Interlocked.Increment(ref _calls);
            return Interlocked.Decrement(ref _remaining) >= 0;
        }
    }

    public sealed class FailingInterceptor(FailureSwitch failures) : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
            => failures.NextCallFails()
                ? throw new RpcException(new Status(failures.Code, "failing on purpose"))
                : continuation(request, context);
    }

    private Health.HealthClient Client()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestCertificates.Shared.Settings(TestCertificates.TestHost))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Shop:Services:sample:Grpc"] = sample.Host.GrpcAddress.ToString() })
            .Build();
        var services = new ServiceCollection();
        services.AddShopGrpcClient<Health.HealthClient>(configuration, "sample");
        return services.BuildServiceProvider().GetRequiredService<Health.HealthClient>();
    }

    [Fact]
    public async Task Unavailable_IsRetried_UntilTheServerAnswers()
    {
        sample.Failures.FailNext(2, StatusCode.Unavailable);

        var reply = await Client().CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        Assert.Equal(3, sample.Failures.Calls);
    }

    [Theory]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.FailedPrecondition)]
    [InlineData(StatusCode.DeadlineExceeded)]
    public async Task OtherFailures_AreNotRetried(StatusCode code)
    {
        sample.Failures.FailNext(1, code);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client().CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(1, sample.Failures.Calls);
    }
}
