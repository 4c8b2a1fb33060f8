using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Ordering;
using Shop.Products.Data;
using Shop.ServiceDefaults.Auth;
using Shop.Users.Data;
using Shop.Users.Tokens;

namespace Shop.Bench.Live;

/// <summary>One customer of the live benchmark: their account, an access token, and the order they watch.</summary>
internal sealed record LiveCustomer(int Index, Guid UserId, string AccessToken, Guid OrderId);

/// <summary>
/// Thousands of customers without going through registration and login, which are throttled per
/// client address and hash passwords slowly on purpose: accounts are written straight into the users
/// database (one password hash computed once for all), access tokens come from the users service's
/// own <see cref="AccessTokenIssuer"/> (its active signing key and claims, exactly what login returns),
/// and each customer's order is stored through the orders service's own repository, PENDING as
/// placeOrder leaves it without order processing.
/// </summary>
internal static class LiveCustomers
{
    private const string Password = "Live-Tracking-2026!";

    public static async Task<IReadOnlyList<LiveCustomer>> SeedAsync(LivePlatform platform, int count, CancellationToken cancellationToken)
    {
        var users = await AddUsersAsync(platform, count, cancellationToken);
        var issuer = platform.Users.GetRequiredService<AccessTokenIssuer>();
        var tokens = new string[count];
        // Each token names a session of its own (no refresh-token family is stored for it, and none
        // is revoked), so orders watches every subscription's session as it would a signed-in one.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), cancellationToken, async (i, token) =>
            tokens[i] = (await issuer.IssueAsync(users[i], Guid.NewGuid(), token)).Token);

        var orders = await PlaceOrdersAsync(platform, users, cancellationToken);
        return [.. users.Select((user, i) => new LiveCustomer(i, user.Id, tokens[i], orders[i]))];
    }

    private static async Task<List<User>> AddUsersAsync(LivePlatform platform, int count, CancellationToken cancellationToken)
    {
        var hash = new PasswordHasher<User>().HashPassword(null!, Password);
        var now = DateTimeOffset.UtcNow;
        var run = Guid.NewGuid().ToString("N")[..8];
        var users = Enumerable.Range(0, count).Select(i =>
        {
            var email = $"live.{run}.{i}@bench.test";
            return new User
            {
                Id = Guid.NewGuid(),
                Email = email,
                NormalizedEmail = email,
                PasswordHash = hash,
                FirstName = "Live",
                LastName = $"Customer {i}",
                Role = Roles.Customer,
                CreatedAt = now,
                UpdatedAt = now,
            };
        }).ToList();

        await using var scope = platform.Users.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        db.Users.AddRange(users);
        await db.SaveChangesAsync(cancellationToken);
        return users;
    }

    private static async Task<Guid[]> PlaceOrdersAsync(LivePlatform platform, List<User> users, CancellationToken cancellationToken)
    {
        OrderLine line;
        await using (var scope = platform.Products.Services.CreateAsyncScope())
        {
            var product = await scope.ServiceProvider.GetRequiredService<ProductsDbContext>().Products
                .Where(p => p.Active).OrderBy(p => p.Name).FirstAsync(cancellationToken);
            line = new OrderLine(product.Id, product.Name, product.Price, 1);
        }

        var orderIds = new Guid[users.Count];
        await platform.WithOrdersServicesAsync(async services =>
        {
            var scopes = services.GetRequiredService<IServiceScopeFactory>();
            // A scope per batch: one repository (one change tracker) for thousands of orders gets slow.
            await Parallel.ForEachAsync(Enumerable.Range(0, (users.Count + 99) / 100), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
                foreach (var i in Enumerable.Range(batch * 100, Math.Min(100, users.Count - (batch * 100))))
                {
                    orderIds[i] = await AddOrderAsync(repository, users[i].Id, line, token);
                }
            });
        });
        return orderIds;
    }

    private static async Task<Guid> AddOrderAsync(IOrderRepository repository, Guid customerId, OrderLine line, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var order = Order.Place(customerId, Guid.NewGuid().ToString("N"), [line], OrderCode.New(), DateTimeOffset.UtcNow);
                return (await repository.AddAsync(order, cancellationToken)).Id;
            }
            catch (OrderCodeTakenException)
            {
                // Codes are random; a clash draws another, as placeOrder does.
            }
        }
    }
}
