namespace Shop.GraphQL.Tests.Sample;

/// <summary>An event source that fails as it is subscribed to, as a backplane that is down might.</summary>
public sealed class BrokenSource : IObservable<string>
{
    public IDisposable Subscribe(IObserver<string> observer)
        => throw new InvalidOperationException("the backplane is down (Password=hunter2)");
}
