namespace RegionSim.Tests.Endpoint.Infrastructure;

/// <summary>
/// The <c>aws</c> command first on PATH (CLI v1 on these machines), pointed at the fixture's silo with
/// an account's credentials in its environment and no configuration files. Its retry mode stays the
/// default (legacy), so error lines read as users see them.
/// </summary>
public static class AwsCli
{
    public static Task<ProcessRun> RunAsync(this EndpointFixture fixture, string account, params string[] arguments) =>
        fixture.RunWithKeyAsync(account, EndpointFixture.SecretOf(account), arguments);

    public static Task<ProcessRun> RunWithKeyAsync(this EndpointFixture fixture, string accessKeyId, string secret, params string[] arguments) =>
        ProcessRun.RunAsync("aws", [.. arguments, "--endpoint-url", fixture.EndpointUrl, "--output", "json"], Environment(accessKeyId, secret));

    public static Dictionary<string, string> Environment(string accessKeyId, string secret) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = accessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = secret,
        ["AWS_DEFAULT_REGION"] = EndpointFixture.Region,
        ["AWS_CONFIG_FILE"] = "/nonexistent/regionsim/config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/regionsim/credentials",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_PAGER"] = "",
    };

    /// <summary>What CLI v1 prints on stderr for an error answer.</summary>
    public static string ErrorLine(string errorType, string operation) => $"An error occurred ({errorType}) when calling the {operation} operation: ";
}
