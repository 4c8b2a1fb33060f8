using System.Text.Json;

namespace Shop.ZaloPaySandbox.Tests.Support;

/// <summary>Reading ZaloPay's answers in assertions.</summary>
public static class JsonReply
{
    public static int ReturnCode(this JsonElement reply) => reply.GetProperty("return_code").GetInt32();

    public static int SubReturnCode(this JsonElement reply) => reply.GetProperty("sub_return_code").GetInt32();

    public static long Long(this JsonElement reply, string name) => reply.GetProperty(name).GetInt64();

    public static string Text(this JsonElement reply, string name) => reply.GetProperty(name).GetString()!;
}
