using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Shop.Deployment.Tests.Support;
using Shop.Payments.ZaloPay;
using Shop.ServiceDefaults.Tls;

namespace Shop.Deployment.Tests;

/// <summary>Each .NET service in docker-compose.yml gets every setting it needs, pointing inside the deployment.</summary>
public sealed class SettingsTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    public static TheoryData<string> DotnetServices => ["users", "products", "orders", "payments", "orchestrator"];

    [Theory]
    [MemberData(nameof(DotnetServices))]
    public void Settings_NoValue_PointsAtTheContainersOwnLoopback(string name)
    {
        var settings = new ServiceSettings(Compose[name]);

        // appsettings.json defaults suit ./shop up on one machine; in a container 127.0.0.1 is the container.
        var loopback = settings.All
            .Where(s => s.Value.Contains("127.0.0.1", StringComparison.Ordinal) || s.Value.Contains("localhost", StringComparison.OrdinalIgnoreCase))
            .Where(s => !IgnoredBecauseMongo(settings, s.Key))
            .Select(s => $"{s.Key}={s.Value}").ToList();

        Assert.Empty(loopback);
        Assert.Equal("0.0.0.0", settings["Shop:BindAddress"]);
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
    }

    [Theory]
    [MemberData(nameof(DotnetServices))]
    public void Tls_EveryService_HasItsOwnCertificateFromTheCertsVolume(string name)
    {
        var service = Compose[name];
        var settings = new ServiceSettings(service);
        var section = TlsOptions.SectionName;

        Assert.Equal($"/certs/{name}.crt", settings[$"{section}:{nameof(TlsOptions.CertificatePath)}"]);
        Assert.Equal($"/certs/{name}.key", settings[$"{section}:{nameof(TlsOptions.KeyPath)}"]);
        Assert.Equal("/certs/ca.crt", settings[$"{section}:{nameof(TlsOptions.CaPath)}"]);
        Assert.Contains("certs:/certs:ro", service.Volumes);
        Assert.Equal("service_completed_successfully", service.DependsOn["certs"]);

        var certs = Compose["certs"];
        Assert.Equal("/certs", certs.Command[0]);
        Assert.Contains(name, certs.Command.Skip(1));
        Assert.Contains("certs:/certs", certs.Volumes);
    }

    [Theory]
    [InlineData("users", "users")]
    [InlineData("products", "products")]
    public void Postgres_Service_HasItsConnectionStringOnTheComposeServer(string name, string connection)
    {
        var value = new ServiceSettings(Compose[name])[$"ConnectionStrings:{connection}"];

        Assert.NotNull(value);
        Assert.Contains("Host=postgres;", value, StringComparison.Ordinal);
        Assert.Contains($"Password={EnvExample("POSTGRES_PASSWORD")};", value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders", "ordersMongo", "shop_orders")]
    [InlineData("payments", "paymentsMongo", "shop_payments")]
    public void Mongo_Service_UsesMongoDbInTheFullDeployment(string name, string connection, string database)
    {
        var value = new ServiceSettings(Compose[name])[$"ConnectionStrings:{connection}"];

        Assert.Equal($"mongodb://shop:{EnvExample("MONGO_PASSWORD")}@mongo:27017/{database}?authSource=admin", value);
        Assert.Equal("service_healthy", Compose[name].DependsOn["mongo"]);
    }

    [Fact]
    public void Orders_Backplane_IsRedisSoInstancesShareEvents()
    {
        var settings = new ServiceSettings(Compose["orders"]);

        Assert.Equal($"redis:6379,password={EnvExample("REDIS_PASSWORD")}", settings["ConnectionStrings:redis"]);
        Assert.Equal("service_healthy", Compose["orders"].DependsOn["redis"]);
    }

    [Fact]
    public void Payments_ZaloPay_EveryRequiredOptionSetAndDefaultsPointAtTheSandboxAndGateway()
    {
        var settings = new ServiceSettings(Compose["payments"]);
        var required = typeof(ZaloPayOptions).GetProperties()
            .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null || p.GetCustomAttribute<RangeAttribute>() is { Minimum: > 0 })
            .Select(p => $"{ZaloPayOptions.SectionName}:{p.Name}").ToList();

        Assert.Contains("ZaloPay:Key2", required);
        Assert.All(required, key => Assert.False(settings[key] is null, $"payments lacks {key}"));
        Assert.Equal($"http://zalopay-sandbox:{ReadmePorts.Http("ZaloPay sandbox")}", settings["ZaloPay:BaseUrl"]);
        Assert.Equal($"http://gateway:{ReadmePorts.Http("gateway")}/payments/zalopay/callback", settings["ZaloPay:CallbackUrl"]);
        Assert.Equal("0.0.0.0", Compose["zalopay-sandbox"].Environment["Sandbox__BindAddress"]);
        Assert.Equal(ReadmePorts.Http("ZaloPay sandbox").ToString(System.Globalization.CultureInfo.InvariantCulture), Compose["zalopay-sandbox"].Environment["Sandbox__Port"]);
    }

    [Fact]
    public void Users_FirstAdmin_ComesFromTheEnvironmentOutsideDevelopment()
    {
        var settings = new ServiceSettings(Compose["users"]);

        Assert.Equal(EnvExample("SHOP_ADMIN_EMAIL"), settings["Shop:Users:Admin:Email"]);
        Assert.Equal(EnvExample("SHOP_ADMIN_PASSWORD"), settings["Shop:Users:Admin:Password"]);
    }

    [Fact]
    public void Users_TrustedProxies_IsTheComposeNetworkSoTheGatewaysForwardedAddressCounts()
    {
        var settings = new ServiceSettings(Compose["users"]);

        Assert.NotNull(Compose.Subnet);
        Assert.Equal(Compose.Subnet, settings["Shop:Users:TrustedProxies:0"]);
        Assert.True(System.Net.IPNetwork.TryParse(Compose.Subnet, out _), $"{Compose.Subnet} is not a CIDR network");
    }

    [Fact]
    public void EnvExample_EverySecret_IsAVariableNotALiteral()
    {
        var text = Repository.Read("docker-compose.yml");

        foreach (var secret in new[] { "POSTGRES_PASSWORD", "MONGO_PASSWORD", "REDIS_PASSWORD", "ZALOPAY_KEY1", "ZALOPAY_KEY2", "SHOP_ADMIN_PASSWORD" })
        {
            Assert.DoesNotContain(EnvExample(secret), text, StringComparison.Ordinal);
            Assert.Contains("${" + secret, text, StringComparison.Ordinal);
        }
    }

    // OrdersDataExtensions / PaymentsDataExtensions: with a Mongo connection string the
    // PostgreSQL one is never read.
    private static bool IgnoredBecauseMongo(ServiceSettings settings, string key)
        => key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase) && settings[key + "Mongo"] is not null;

    private static string EnvExample(string name) => EnvFile.Parse(Repository.Read(".env.example"))[name];
}
