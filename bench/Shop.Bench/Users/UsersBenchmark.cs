using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;
using Shop.Users;
using Shop.Users.Data;

namespace Shop.Bench.Users;

/// <summary>
/// Sign-in and <c>me</c> throughput of the users service on a real PostgreSQL, and how much of a
/// sign-in is the password hash (PBKDF2, slow by design), timed on its own.
/// </summary>
public static class UsersBenchmark
{
    private const string Password = "Bench-Password-42";

    public static async Task RunAsync(BenchOptions options)
    {
        var server = await PostgresServer.SharedAsync();
        var database = "bench_users_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server.AdminConnectionString, $"CREATE DATABASE \"{database}\" TEMPLATE template0");
        try
        {
            await RunOnAsync(server.ConnectionStringFor(database), options);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.AdminConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task RunOnAsync(string connectionString, BenchOptions options)
    {
        await using var host = await TestServiceHost.StartAsync(
            builder => builder.AddUsers(),
            app => app.MapUsers(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:users"] = connectionString,
                ["Logging:LogLevel:Default"] = "Error",
                // Every sign-in here succeeds; the throttle's bookkeeping still runs on each one.
                ["Shop:Users:Throttle:AccountFreeFailures"] = "1000000",
                ["Shop:Users:Throttle:PairFreeFailures"] = "1000000",
                ["Shop:Users:Throttle:AddressLimit"] = "1000000",
                ["Shop:Users:Throttle:RegistrationLimit"] = "1000000",
            },
            "Shop.Users");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = host.HttpAddress };

        var emails = new string[options.Concurrency];
        for (var i = 0; i < emails.Length; i++)
        {
            emails[i] = $"bench-{i}-{Guid.NewGuid():N}@example.test";
            await PostAsync(http, "mutation($i: RegisterInput!) { register(input: $i) { errors { code } } }",
                new { i = new { email = emails[i], password = Password, firstName = "Bench", lastName = "User" } }, null);
        }

        async Task<bool> LoginAsync(int sequence)
        {
            var email = emails[sequence / 1_000_000 % emails.Length];
            using var json = await PostAsync(http, "mutation($i: LoginInput!) { login(input: $i) { accessToken } }", new { i = new { email, password = Password } }, null);
            return json.RootElement.GetProperty("data").GetProperty("login").GetProperty("accessToken").ValueKind == JsonValueKind.String;
        }

        using var session = await PostAsync(http, "mutation($i: LoginInput!) { login(input: $i) { accessToken } }", new { i = new { email = emails[0], password = Password } }, null);
        var token = session.RootElement.GetProperty("data").GetProperty("login").GetProperty("accessToken").GetString()!;

        async Task<bool> MeAsync(int sequence)
        {
            using var json = await PostAsync(http, "{ me { id email firstName } }", null, token);
            return json.RootElement.GetProperty("data").GetProperty("me").ValueKind == JsonValueKind.Object;
        }

        var login = await LoadRunner.RunAsync($"login ({options.Concurrency} clients)", LoginAsync, options.Concurrency, options.Duration, options.Warmup);
        var loginSingle = await LoadRunner.RunAsync("login (1 client)", LoginAsync, 1, options.Duration, options.Warmup);
        var me = await LoadRunner.RunAsync($"me ({options.Concurrency} clients)", MeAsync, options.Concurrency, options.Duration, options.Warmup);
        Console.WriteLine(login);
        Console.WriteLine(loginSingle);
        Console.WriteLine(me);

        var (verifyMs, verifiesPerSecond) = TimeHasher(host.GetRequiredService<IPasswordHasher<User>>(), options.Duration);
        Console.WriteLine($"{"password verify alone (1 thread)",-44} {1000 / verifyMs,10:N0} /s      {verifyMs,6:N2} ms each");
        Console.WriteLine($"{$"password verify alone ({Environment.ProcessorCount} threads)",-44} {verifiesPerSecond,10:N0} /s");
        Console.WriteLine($"hashing share of a single-client login (p50 {loginSingle.Percentile(50):N2} ms): {verifyMs / loginSingle.Percentile(50):P0}");
        Console.WriteLine($"login throughput / hasher-alone ceiling: {login.PerSecond / verifiesPerSecond:P0}");
    }

    /// <summary>One verification's time on one thread, and verifications per second on every core.</summary>
    private static (double Milliseconds, double PerSecond) TimeHasher(IPasswordHasher<User> hasher, TimeSpan duration)
    {
        var user = new User { Email = "x", NormalizedEmail = "x", PasswordHash = "", FirstName = "x", LastName = "x", Role = "CUSTOMER" };
        var hash = hasher.HashPassword(user, Password);
        var clock = Stopwatch.StartNew();
        var single = 0;
        while (clock.Elapsed < duration / 2)
        {
            hasher.VerifyHashedPassword(user, hash, Password);
            single++;
        }

        var singleMs = clock.Elapsed.TotalMilliseconds / single;
        long parallel = 0;
        clock.Restart();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            while (clock.Elapsed < duration / 2)
            {
                hasher.VerifyHashedPassword(user, hash, Password);
                Interlocked.Increment(ref parallel);
            }
        });
        return (singleMs, parallel / clock.Elapsed.TotalSeconds);
    }

    private static async Task<JsonDocument> PostAsync(HttpClient http, string query, object? variables, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
