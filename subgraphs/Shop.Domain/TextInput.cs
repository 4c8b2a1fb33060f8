namespace Shop.Domain;

/// <summary>
/// The one check for free text clients send (names, addresses, descriptions, reasons): trimmed,
/// valid Unicode, no control characters (a multi-line field keeps line breaks and tabs), no
/// zero-width or text-direction characters, which can make a name look like another or reorder
/// what an admin reads; lengths in characters (code points), as PostgreSQL counts them, not UTF-16
/// units. A problem becomes a <see cref="DomainError"/> naming the field, so a caller can report
/// every problem of an input at once.
/// </summary>
public static class TextInput
{
    /// <summary>The trimmed text, or null with an error when it is missing or not acceptable.</summary>
    public static string? Required(string? raw, string field, int maxLength, string code, List<DomainError> errors, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new DomainError(code, $"'{field}' is required.", field));
            return null;
        }

        return Check(text, field, maxLength, code, errors, multiline);
    }

    /// <summary>Null for an absent or blank value (no error); otherwise as <see cref="Required"/>.</summary>
    public static string? Optional(string? raw, string field, int maxLength, string code, List<DomainError> errors, bool multiline = false)
    {
        var text = raw?.Trim();
        return string.IsNullOrEmpty(text) ? null : Check(text, field, maxLength, code, errors, multiline);
    }

    /// <summary>Characters as a person counts them: code points, a surrogate pair being one.</summary>
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            length++;
        }

        return length;
    }

    /// <summary>Zero-width characters and bidirectional overrides, embeddings and isolates.</summary>
    public static bool IsInvisibleFormatting(char c)
        => c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF';

    private static string? Check(string text, string field, int maxLength, string code, List<DomainError> errors, bool multiline)
    {
        if (Problem(text, multiline) is { } problem)
        {
            errors.Add(new DomainError(code, $"'{field}' {problem}.", field));
            return null;
        }

        var length = Length(text);
        if (length > maxLength)
        {
            errors.Add(new DomainError(code, $"'{field}' is at most {maxLength} characters long; this is {length}.", field));
            return null;
        }

        return text;
    }

    private static string? Problem(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "is not valid Unicode text";
            }

            if (IsInvisibleFormatting(c))
            {
                return "must not contain zero-width or text-direction characters";
            }

            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return multiline ? "must not contain control characters other than line breaks and tabs" : "must be one line without control characters";
            }
        }

        return null;
    }
}
