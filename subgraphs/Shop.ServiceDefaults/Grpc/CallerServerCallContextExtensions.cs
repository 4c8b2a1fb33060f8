using Grpc.Core;
using Shop.ServiceDefaults.Auth;

namespace Shop.ServiceDefaults.Grpc;

public static class CallerServerCallContextExtensions
{
    /// <summary>The signed-in user behind a gRPC call, when it carried a valid access token.</summary>
    public static Caller? GetCaller(this ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
