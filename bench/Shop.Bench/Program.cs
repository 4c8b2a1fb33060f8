using Shop.Bench;
using Shop.Bench.Gateway;
using Shop.Bench.Kit;
using Shop.Bench.Live;
using Shop.Bench.Orchestrator;
using Shop.Bench.Orders;
using Shop.Bench.Payments;
using Shop.Bench.Products;
using Shop.Bench.Users;

var suite = args.FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var options = BenchOptions.Parse(args);
Console.WriteLine($"{Environment.ProcessorCount} cores, {options.Concurrency} concurrent clients, {options.Duration.TotalSeconds:N0} s per figure, Release build");

var suites = new Dictionary<string, Func<BenchOptions, Task>>
{
    ["kit"] = KitBenchmark.RunAsync,
    ["orders-place"] = PlaceOrderBenchmark.RunAsync,
    ["orders-fanout"] = FanOutBenchmark.RunAsync,
    ["products"] = ProductsBenchmark.RunAsync,
    ["users"] = UsersBenchmark.RunAsync,
    ["gateway"] = GatewayBenchmark.RunAsync,
    ["payments"] = PaymentsBenchmark.RunAsync,
    ["orchestrator"] = OrchestratorBenchmark.RunAsync,
    ["live"] = LiveBenchmark.RunAsync,
};

foreach (var (name, run) in suites.Where(s => suite == "all" || s.Key == suite))
{
    Console.WriteLine($"== {name}");
    await run(options);
}
