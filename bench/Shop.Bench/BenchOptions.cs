namespace Shop.Bench;

public sealed record BenchOptions(int Concurrency, TimeSpan Duration, TimeSpan Warmup)
{
    /// <summary>Internal gRPC without TLS (<c>--plain-grpc</c>), to measure what mutual TLS costs.</summary>
    public bool PlainGrpc { get; init; }

    /// <summary>Reads <c>--concurrency N</c>, <c>--seconds N</c>, <c>--warmup N</c>, <c>--plain-grpc</c>.</summary>
    public static BenchOptions Parse(string[] args)
    {
        int Read(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
        }

        return new BenchOptions(Read("--concurrency", 32), TimeSpan.FromSeconds(Read("--seconds", 5)), TimeSpan.FromSeconds(Read("--warmup", 2)))
        {
            PlainGrpc = args.Contains("--plain-grpc"),
        };
    }
}
