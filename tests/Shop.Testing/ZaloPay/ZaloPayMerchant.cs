namespace Shop.Testing.ZaloPay;

/// <summary>A ZaloPay merchant app: its id, key1 (signs requests) and key2 (signs callbacks).</summary>
public sealed record ZaloPayMerchant(int AppId, string Key1, string Key2);
