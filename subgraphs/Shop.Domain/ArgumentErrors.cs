namespace Shop.Domain;

/// <summary>
/// The code of a malformed argument that is not an id (a page size, a cursor, a search term): the
/// same in every service, beside <see cref="IdErrors"/> for ids.
/// </summary>
public static class ArgumentErrors
{
    public const string Invalid = "INVALID_ARGUMENT";
}
