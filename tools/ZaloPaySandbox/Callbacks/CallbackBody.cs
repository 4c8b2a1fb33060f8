using System.Buffers;
using System.Text;
using System.Text.Json;
using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Orders;

namespace Shop.ZaloPaySandbox.Callbacks;

/// <summary>ZaloPay's callback body: <c>{data, mac, type}</c>, data a JSON string signed with key2.</summary>
public static class CallbackBody
{
    /// <summary>ZaloPay's channel code for a ZaloPay wallet payment.</summary>
    public const int WalletChannel = 38;

    public static string Create(NewOrder order, long zpTransId, long serverTime, string key2)
    {
        var data = Data(order, zpTransId, serverTime);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("data", data);
            writer.WriteString("mac", SandboxMac.Sign(key2, data));
            writer.WriteNumber("type", 1);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The fields and order ZaloPay's order callback documents.</summary>
    public static string Data(NewOrder order, long zpTransId, long serverTime)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("app_id", order.AppId);
            writer.WriteString("app_trans_id", order.AppTransId);
            writer.WriteNumber("app_time", order.AppTime);
            writer.WriteString("app_user", order.AppUser);
            writer.WriteNumber("amount", order.Amount);
            writer.WriteString("embed_data", order.EmbedData);
            writer.WriteString("item", order.Item);
            writer.WriteNumber("zp_trans_id", zpTransId);
            writer.WriteNumber("server_time", serverTime);
            writer.WriteNumber("channel", WalletChannel);
            writer.WriteString("merchant_user_id", order.AppUser);
            writer.WriteNumber("user_fee_amount", 0);
            writer.WriteNumber("discount_amount", 0);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
