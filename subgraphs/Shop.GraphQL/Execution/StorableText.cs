namespace Shop.GraphQL.Execution;

/// <summary>
/// Text no store keeps as given: NUL (PostgreSQL refuses it) and UTF-16 that is not text (a lone
/// surrogate cannot be encoded). Refused at the edge as the client's error, for every field at once.
/// </summary>
internal static class StorableText
{
    public const string Code = "BAD_USER_INPUT";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    public static string Refusal(string where)
        => $"{where} holds a NUL character or invalid UTF-16 (a lone surrogate); send text without them.";
}
