using System.Diagnostics;
using Npgsql;

namespace Shop.Testing.Postgres;

/// <summary>
/// One real PostgreSQL server for the test run. <c>SHOP_TEST_POSTGRES</c> names a running server
/// (as <c>./shop test</c> provides); otherwise one is started from the local binaries in a temporary
/// directory and stopped when the process exits. PostgreSQL refuses to run as root, so as root the
/// server runs as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "SHOP_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartAsync);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    /// <summary>Connects to the <c>postgres</c> database as a superuser.</summary>
    public string AdminConnectionString { get; }

    public static Task<PostgresServer> SharedAsync() => Instance.Value;

    public string ConnectionStringFor(string database)
        => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return new PostgresServer(given);
        }

        var bin = FindBinaries();
        var root = Directory.CreateTempSubdirectory("shop-pg-").FullName;
        var data = Path.Combine(root, "data");
        var port = FreePort.Next();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        var settings = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start"], asRoot);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Immediate stop: the data is throwaway, and exit handlers get little time.
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot).GetAwaiter().GetResult();
            Directory.Delete(root, recursive: true);
        };

        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50");
    }

    /// <summary>The directory holding initdb and pg_ctl: <c>SHOP_PG_BIN</c>, PATH, or the newest Debian install.</summary>
    public static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("SHOP_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string Debian = "/usr/lib/postgresql";
        var newest = Directory.Exists(Debian)
            ? Directory.GetDirectories(Debian).OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var v) ? v : 0).FirstOrDefault()
            : null;
        return newest is not null && File.Exists(Path.Combine(newest, "bin", "initdb"))
            ? Path.Combine(newest, "bin")
            : throw new InvalidOperationException("PostgreSQL binaries not found: install postgresql, set SHOP_PG_BIN, or set SHOP_TEST_POSTGRES.");
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var prefix in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
