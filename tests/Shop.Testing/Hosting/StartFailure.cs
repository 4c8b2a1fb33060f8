namespace Shop.Testing.Hosting;

/// <summary>For tests of settings that must stop a host from starting.</summary>
public static class StartFailure
{
    /// <summary>
    /// What stopped <paramref name="start"/>: options validated on start, or a check made while the
    /// host is built. A host that starts after all is disposed and reported as an error.
    /// </summary>
    public static async Task<Exception> OfAsync(Func<Task<TestServiceHost>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        TestServiceHost host;
        try
        {
            host = await start();
        }
        catch (Exception exception)
        {
            return exception;
        }

        await host.DisposeAsync();
        throw new InvalidOperationException("The host started although a setting was bad.");
    }
}
