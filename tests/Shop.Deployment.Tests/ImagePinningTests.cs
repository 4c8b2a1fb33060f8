using System.Text.Json;
using System.Text.RegularExpressions;
using Shop.Deployment.Tests.Support;

namespace Shop.Deployment.Tests;

/// <summary>Every image the deployment runs or builds from is an exact version, never a moving tag.</summary>
public sealed partial class ImagePinningTests
{
    [Fact]
    public void ComposeImages_EveryImage_PinnedToExactVersion()
    {
        var compose = ComposeFile.Load();

        var unpinned = compose.Services.Values
            .Where(s => s.Image is not null && !Pinned(s.Image))
            .Select(s => $"{s.Name}: {s.Image}").ToList();

        Assert.Empty(unpinned);
        Assert.All(compose.Services.Values, s => Assert.True(s.Image is not null || s.Dockerfile is not null, $"{s.Name} has neither image nor build"));
    }

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("gateway/Dockerfile")]
    public void DockerfileBaseImages_EveryFrom_PinnedToExactVersion(string dockerfile)
    {
        var bases = From().Matches(Repository.Read(dockerfile)).Select(m => m.Groups["image"].Value).ToList();

        Assert.NotEmpty(bases);
        Assert.All(bases, image => Assert.True(Pinned(image), $"{dockerfile}: FROM {image} is not an exact version"));
    }

    [Fact]
    public void DotnetSdkImage_Tag_IsTheSdkGlobalJsonPins()
    {
        using var globalJson = JsonDocument.Parse(Repository.Read("global.json"));
        var pinned = globalJson.RootElement.GetProperty("sdk").GetProperty("version").GetString();

        var sdk = From().Matches(Repository.Read("Dockerfile")).Select(m => m.Groups["image"].Value)
            .Single(image => image.StartsWith("mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal));

        Assert.Equal($"mcr.microsoft.com/dotnet/sdk:{pinned}", sdk);
    }

    private static bool Pinned(string image)
        => image.Contains("@sha256:", StringComparison.Ordinal) || ExactTag().IsMatch(image)
            || (image.StartsWith("postgres:", StringComparison.Ordinal) && PostgresTag().IsMatch(image));

    // name:1.2.3 with an optional variant suffix (node:20.20.2-bookworm-slim); "latest", "7" or "7.2" are not exact.
    [GeneratedRegex(@"^[^:@\s]+:\d+\.\d+\.\d+(-[a-z0-9.-]+)?$")]
    private static partial Regex ExactTag();

    // PostgreSQL numbers its releases major.minor (16.6): that is already one exact build.
    [GeneratedRegex(@"^postgres:\d+\.\d+$")]
    private static partial Regex PostgresTag();

    [GeneratedRegex(@"^FROM\s+(?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex From();
}
