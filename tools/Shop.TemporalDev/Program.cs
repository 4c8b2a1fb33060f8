using System.Runtime.InteropServices;
using Shop.TemporalDev;
using Temporalio.Testing;

var settings = DevServerSettings.From(args);
var existing = DevServerSettings.TemporalOnPath();
Directory.CreateDirectory(settings.DownloadDirectory);
var options = new WorkflowEnvironmentStartLocalOptions
{
    TargetHost = settings.Address,
    Namespace = "default",
    UI = true,
    UIPort = settings.UiPort,
    DownloadDirectory = settings.DownloadDirectory,
    DevServerOptions = new DevServerOptions { ExistingPath = existing, DatabaseFilename = settings.DatabaseFile },
};

WorkflowEnvironment environment;
try
{
    environment = await WorkflowEnvironment.StartLocalAsync(options);
}
catch (InvalidOperationException exception)
{
    // Offline and no CLI: the rest of Shop runs; orders stay PENDING until a server answers.
    await Console.Error.WriteLineAsync(
        $"Temporal dev server not started: no 'temporal' CLI on PATH and none could be downloaded ({exception.Message}). " +
        $"Orders will wait in PENDING until a Temporal server answers at {settings.Address}.");
    return 2;
}

await using (environment)
{
    var stop = new TaskCompletionSource();
    using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.TrySetResult();
    });
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.TrySetResult();
    };

    Console.WriteLine(
        $"Temporal dev server ({(existing is null ? "SDK download" : existing)}) at {settings.Address}, namespace default; " +
        $"UI http://127.0.0.1:{settings.UiPort}; data {settings.DatabaseFile}. Ctrl+C or SIGTERM stops it.");
    await stop.Task;
}

return 0;
