using System.Text.Json;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Endpoint.Infrastructure;

/// <summary>
/// Runs a script with the AWS SDK for JavaScript v3 (<c>@aws-sdk/client-appstream</c>, installed in
/// <c>Tests/Endpoint/JsSdk</c> by <c>scripts/test.sh</c>) against the fixture's silo, as an ES module on
/// node. The script gets the SDK's exports as <c>sdk</c>, <c>appstream(account, region)</c> (a client with
/// that account's keys), <c>errorOf(call)</c> (the error name, message and HTTP status a call failed with),
/// <c>advance(seconds)</c> (the control endpoint), <c>http(url)</c> (a plain GET: status and JSON body)
/// and an object <c>out</c>, printed as JSON at the end.
/// </summary>
public static class JsSdk
{
    public static string Folder { get; } = RepositoryFiles.PathOf("Tests", "Endpoint", "JsSdk");

    private const string Prelude = """
        import * as sdk from "@aws-sdk/client-appstream";

        const ENDPOINT = process.env.REGIONSIM_ENDPOINT;
        const SECRETS = JSON.parse(process.env.REGIONSIM_SECRETS);
        const out = {};

        function appstream(account, region = "us-east-1") {
          return new sdk.AppStreamClient({ region, endpoint: ENDPOINT, maxAttempts: 1,
            credentials: { accessKeyId: account, secretAccessKey: SECRETS[account] } });
        }

        async function errorOf(call) {
          try {
            await call();
          } catch (e) {
            return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
          }
          return null;
        }

        async function http(url) {
          const response = await fetch(url.startsWith("http") ? url : ENDPOINT + url);
          return { status: response.status, body: await response.json() };
        }

        async function advance(seconds) {
          const response = await fetch(ENDPOINT + "/_regionsim/clock/advance", { method: "POST",
            headers: { Authorization: "Bearer " + process.env.REGIONSIM_OPERATOR_TOKEN, "Content-Type": "application/json" },
            body: JSON.stringify({ seconds }) });
          return response.json();
        }

        """;

    private const string Epilogue = """

        console.log(JSON.stringify(out));
        """;

    public static async Task<JsonElement> RunJsSdkAsync(this EndpointFixture fixture, string script, params string[] accounts)
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules", "@aws-sdk", "client-appstream")),
            $"The AWS SDK for JavaScript is not installed in {Folder}: run scripts/test.sh (it runs npm ci there).");
        var run = await ProcessRun.RunAsync("node", ["--input-type=module", "-"], Boto3.ScriptEnvironment(fixture, accounts), stdin: Prelude + script + Epilogue, workingDirectory: Folder);
        Assert.True(run.ExitCode == 0, $"The JavaScript SDK script failed:\n{run}");
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }
}
