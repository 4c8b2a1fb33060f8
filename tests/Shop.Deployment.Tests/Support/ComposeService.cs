namespace Shop.Deployment.Tests.Support;

/// <summary>One service of docker-compose.yml, variables substituted and YAML merge keys applied.</summary>
public sealed record ComposeService(
    string Name,
    string? Image,
    string? Dockerfile,
    IReadOnlyDictionary<string, string> BuildArgs,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Ports,
    IReadOnlyDictionary<string, string> DependsOn,
    IReadOnlyList<string> Volumes,
    IReadOnlyList<string> Command,
    string? ContainerName,
    bool? HealthcheckDisabled)
{
    /// <summary>The .NET project the shared Dockerfile builds for this service (build arg PROJECT).</summary>
    public string? Project => BuildArgs.GetValueOrDefault("PROJECT");

    /// <summary>Health checked by the compose file or, for an image built here, the image's HEALTHCHECK.</summary>
    public bool HasHealthcheck => HealthcheckDisabled == false || (HealthcheckDisabled is null && Dockerfile is not null);
}
