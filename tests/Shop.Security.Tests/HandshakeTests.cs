using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Shop.ServiceDefaults;
using Shop.Testing.Hosting;
using Shop.Testing.Security;

namespace Shop.Security.Tests;

/// <summary>
/// The gRPC port refuses, at the TLS handshake, anyone without a current certificate of the
/// deployment CA; health (open to any service) shows the accepted case gets through.
/// </summary>
public sealed class HandshakeTests : IAsyncLifetime
{
    private TestServiceHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SampleHosts.StartWithHealthAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData(TestCertificates.Stranger)]
    [InlineData(TestCertificates.Expired)]
    public async Task GrpcCall_WithoutAValidCertificate_NeverReachesTheService(string? caller)
    {
        var client = new Health.HealthClient(_host.GrpcChannel(caller));

        var error = await Assert.ThrowsAsync<RpcException>(
            () => client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        // No HTTP response at all: the connection failed before any request reached the server
        // (UNAVAILABLE, or INTERNAL when TLS 1.3 lets the client finish first and the server then
        // never completes HTTP/2's handshake).
        Assert.IsType<HttpRequestException>(error.Status.DebugException);
        Assert.Contains(error.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });
    }

    [Theory]
    [InlineData(ShopServices.Orchestrator)]
    [InlineData(TestCertificates.TestHost)]
    public async Task GrpcCall_WithACertificateOfTheDeploymentCa_IsServed(string caller)
    {
        var client = new Health.HealthClient(_host.GrpcChannel(caller));

        var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));

        // Answered by the health service (the host has no checks, so the status may still be UNKNOWN).
        Assert.Contains(reply.Status, new[] { HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Types.ServingStatus.Unknown });
    }

    [Theory]
    [InlineData(null)]
    [InlineData(TestCertificates.Stranger)]
    [InlineData(TestCertificates.Expired)]
    public async Task Handshake_WithoutAValidCertificate_IsRefused(string? caller)
    {
        var error = await Record.ExceptionAsync(() => HandshakeAsync(caller));

        Assert.True(error is AuthenticationException or IOException, $"Expected a failed handshake, got {error?.GetType().Name ?? "success"}.");
    }

    [Fact]
    public async Task Handshake_WithAServiceCertificate_Completes()
    {
        var error = await Record.ExceptionAsync(() => HandshakeAsync(ShopServices.Orders));

        Assert.Null(error);
    }

    // TLS 1.2, so the server's verdict on the client certificate arrives inside the handshake
    // (in TLS 1.3 the client finishes first and learns of the refusal on its first read).
    private async Task HandshakeAsync(string? caller)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_host.GrpcAddress.Host, _host.GrpcAddress.Port);
        await using var tls = new SslStream(tcp.GetStream());
        using var certificate = caller is null ? null : TestCertificates.Shared.Load(caller);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = SslProtocols.Tls12,
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
            // The server's certificate is not what these tests are about.
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        }).WaitAsync(TimeSpan.FromSeconds(10));
        // A refusal can also come as the first record after the handshake.
        await tls.WriteAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray());
        await tls.FlushAsync();
        var buffer = new byte[64];
        var read = await tls.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        if (read == 0)
        {
            throw new IOException("The server closed the connection.");
        }
    }
}
