using System.Globalization;

namespace Shop.TemporalDev;

/// <summary>
/// Where the dev server listens and keeps its data: <c>--address</c> (or TEMPORAL_ADDRESS, default
/// 127.0.0.1:7233), <c>--ui-port</c> (TEMPORAL_UI_PORT, 8233), <c>--state</c> (default ./.shop).
/// </summary>
public sealed record DevServerSettings(string Address, int UiPort, string StateDirectory)
{
    public string DatabaseFile => Path.Combine(StateDirectory, "temporal", "dev.sqlite");

    public string DownloadDirectory => Path.Combine(StateDirectory, "temporal");

    public static DevServerSettings From(string[] args)
    {
        var address = Environment.GetEnvironmentVariable("TEMPORAL_ADDRESS") is { Length: > 0 } a ? a : "127.0.0.1:7233";
        var uiPort = Environment.GetEnvironmentVariable("TEMPORAL_UI_PORT") is { Length: > 0 } p ? int.Parse(p, CultureInfo.InvariantCulture) : 8233;
        var state = ".shop";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--address": address = args[i + 1]; break;
                case "--ui-port": uiPort = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--state": state = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --address host:port --ui-port N --state DIR.");
            }
        }

        return new DevServerSettings(address, uiPort, Path.GetFullPath(state));
    }

    /// <summary>A <c>temporal</c> CLI on PATH, used as is; none means the SDK downloads one (once).</summary>
    public static string? TemporalOnPath()
        => (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "temporal.exe" : "temporal"))
            .FirstOrDefault(File.Exists);
}
