namespace Shop.Users.Data;

/// <summary>
/// One failed (or still running) sign-in against a throttle key, such as an account or a client
/// address; the rows inside a window are the window's count.
/// </summary>
public sealed class LoginFailure
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public DateTimeOffset FailedAt { get; set; }
}
