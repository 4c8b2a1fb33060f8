using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.DevCerts;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Grpc;
using Shop.Testing.Hosting;
using Shop.Testing.Security;

namespace Shop.Security.Tests;

/// <summary>Certificates replaced on disk are used by new connections, with no restart on either side.</summary>
public sealed class RotationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"shop-rotation-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Server_NewCertificateFiles_AreServedToNewConnections()
    {
        var certificates = TestCertificates.Shared.CopyTo(_directory, ShopServices.Products);
        await using var host = await SampleHosts.StartWithHealthAsync(Tls(ShopServices.Products, reload: TimeSpan.FromMilliseconds(100)));
        var before = await ServedSerialAsync(host);

        var renewed = Renew(certificates, ShopServices.Products, ShopServices.Products);
        await Task.Delay(300);
        var after = await ServedSerialAsync(host);

        Assert.Equal(TestCertificates.Shared.Load(ShopServices.Products).SerialNumber, before);
        Assert.Equal(renewed, after);
    }

    [Fact]
    public async Task Server_HalfWrittenRotation_KeepsServingThePreviousPair()
    {
        var certificates = TestCertificates.Shared.CopyTo(_directory, ShopServices.Products);
        await using var host = await SampleHosts.StartWithHealthAsync(Tls(ShopServices.Products, reload: TimeSpan.FromMilliseconds(100)));
        var original = await ServedSerialAsync(host);
        using var authority = TestCertificates.Shared.LoadAuthority();
        using var renewed = DevelopmentCertificates.Issue(authority, ShopServices.Products, DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        var staged = Path.Combine(_directory, "staged");
        Directory.CreateDirectory(staged);
        DevelopmentCertificates.Write(renewed, Path.Combine(staged, "products.crt"), Path.Combine(staged, "products.key"));

        // The new key is in place, its certificate not yet: the old certificate no longer matches.
        File.Copy(Path.Combine(staged, "products.key"), Path.Combine(certificates, "products.key"), overwrite: true);
        await Task.Delay(300);
        var midway = await ServedSerialAsync(host);
        File.Copy(Path.Combine(staged, "products.crt"), Path.Combine(certificates, "products.crt"), overwrite: true);
        await Task.Delay(300);
        var completed = await ServedSerialAsync(host);

        Assert.Equal(original, midway);
        Assert.Equal(renewed.SerialNumber, completed);
    }

    [Fact]
    public async Task Client_NewCertificateFiles_AreSentOnItsNextConnections()
    {
        await using var host = await SampleHosts.StartAsync<PartlyOpenHealth>();
        TestCertificates.Shared.CopyTo(_directory, ShopServices.Orders);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Tls(ShopServices.Orders, reload: TimeSpan.FromMilliseconds(100)))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Shop:Tls:ConnectionLifetime"] = "00:00:00.200",
                ["Shop:Services:sample:Grpc"] = host.GrpcAddress.ToString(),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddShopGrpcClient<Health.HealthClient>(configuration, "sample");
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<Health.HealthClient>();

        // Check is for payments only: as orders this client is refused...
        var denied = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest()).ResponseAsync);
        // ...until the same files hold a payments certificate.
        Renew(_directory, fileName: ShopServices.Orders, identity: ShopServices.Payments);
        await Task.Delay(500);
        var reply = await client.CheckAsync(new HealthCheckRequest());

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    private Dictionary<string, string?> Tls(string identity, TimeSpan reload) => new()
    {
        ["Shop:Tls:CertificatePath"] = Path.Combine(_directory, $"{identity}.crt"),
        ["Shop:Tls:KeyPath"] = Path.Combine(_directory, $"{identity}.key"),
        ["Shop:Tls:CaPath"] = Path.Combine(_directory, "ca.crt"),
        ["Shop:Tls:ReloadInterval"] = reload.ToString(),
    };

    /// <summary>Writes a new certificate for <paramref name="identity"/> over the files of <paramref name="fileName"/>; returns its serial.</summary>
    private static string Renew(string directory, string fileName, string identity)
    {
        using var authority = TestCertificates.Shared.LoadAuthority();
        using var renewed = DevelopmentCertificates.Issue(authority, identity, DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        DevelopmentCertificates.Write(renewed, Path.Combine(directory, $"{fileName}.crt"), Path.Combine(directory, $"{fileName}.key"));
        return renewed.SerialNumber;
    }

    /// <summary>The serial number of the certificate the server shows a new connection.</summary>
    private static async Task<string?> ServedSerialAsync(TestServiceHost host)
    {
        string? serial = null;
        using var handler = TestServiceHost.CreateGrpcHandler(ShopServices.Orchestrator);
        var validate = handler.SslOptions.RemoteCertificateValidationCallback!;
        handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
        {
            serial = (certificate as X509Certificate2)?.SerialNumber;
            return validate(sender, certificate, chain, errors);
        };
        using var channel = GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions { HttpHandler = handler });
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        return serial;
    }
}
