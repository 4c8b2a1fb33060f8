namespace Shop.Bench;

public sealed record BenchOptions(int Concurrency, TimeSpan Duration, TimeSpan Warmup)
{
    /// <summary>Internal gRPC without TLS (<c>--plain-grpc</c>), to measure what mutual TLS costs.</summary>
    public bool PlainGrpc { get; init; }

    /// <summary><c>--seconds</c> as given, for suites whose default differs from the 5 s of <see cref="Duration"/>.</summary>
    public int? Seconds { get; init; }

    /// <summary><c>--subscribers</c>: one figure or a comma-separated series (the live suite runs each on a fresh platform).</summary>
    public IReadOnlyList<int> Subscribers { get; init; } = [];

    /// <summary><c>--rate</c>: events offered per second (the live suite's transitions); null when not given.</summary>
    public int? Rate { get; init; }

    /// <summary>Reads <c>--concurrency N</c>, <c>--seconds N</c>, <c>--warmup N</c>, <c>--plain-grpc</c>, <c>--subscribers N[,N…]</c>, <c>--rate N</c>.</summary>
    public static BenchOptions Parse(string[] args)
    {
        string? Raw(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int? Read(string name) => int.TryParse(Raw(name), out var value) ? value : null;

        var seconds = Read("--seconds");
        var subscribers = (Raw("--subscribers") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, out var count) && count > 0
                ? count
                : throw new ArgumentException($"--subscribers takes positive whole numbers separated by commas, got \"{Raw("--subscribers")}\"."))
            .ToArray();
        return new BenchOptions(Read("--concurrency") ?? 32, TimeSpan.FromSeconds(seconds ?? 5), TimeSpan.FromSeconds(Read("--warmup") ?? 2))
        {
            PlainGrpc = args.Contains("--plain-grpc"),
            Seconds = seconds,
            Subscribers = subscribers,
            Rate = Read("--rate"),
        };
    }
}
