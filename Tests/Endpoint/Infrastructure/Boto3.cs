using System.Text.Json;

namespace RegionSim.Tests.Endpoint.Infrastructure;

/// <summary>
/// Runs a boto3 script against the fixture's silo. The script gets <c>appstream(account, region)</c>
/// (a client with that account's keys), <c>error_of(call)</c> (the AWS error code and message a call
/// raised), <c>advance(seconds)</c> (the control endpoint), <c>http(url, method, body, operator)</c> (a plain
/// HTTP call: status and JSON body), <c>act(session_id, action, body)</c> (a session companion call) and a
/// dict <c>out</c>, printed as JSON at the end.
/// </summary>
public static class Boto3
{
    private const string Prelude = """
        import json, os, sys, threading, time, urllib.error, urllib.request
        import boto3, botocore
        from botocore.config import Config

        ENDPOINT = os.environ["REGIONSIM_ENDPOINT"]
        SECRETS = json.loads(os.environ["REGIONSIM_SECRETS"])
        out = {}

        def appstream(account, region="us-east-1"):
            return boto3.client("appstream", region_name=region, endpoint_url=ENDPOINT,
                aws_access_key_id=account, aws_secret_access_key=SECRETS[account],
                config=Config(retries={"max_attempts": 1, "mode": "standard"}))

        def error_of(call):
            try:
                call()
            except botocore.exceptions.ClientError as e:
                return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                        "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
            return None

        def http(url, method="GET", body=None, operator=False):
            # A plain HTTP call to the silo (a path, or a whole URL): its status and JSON body.
            headers = {"Content-Type": "application/json"}
            if operator:
                headers["Authorization"] = "Bearer " + os.environ["REGIONSIM_OPERATOR_TOKEN"]
            request = urllib.request.Request(url if url.startswith("http") else ENDPOINT + url, method=method,
                data=None if body is None else json.dumps(body).encode(), headers=headers)
            try:
                with urllib.request.urlopen(request) as response:
                    return {"status": response.status, "body": json.load(response)}
            except urllib.error.HTTPError as e:
                return {"status": e.code, "body": json.load(e)}

        def act(session_id, action, body=None):
            # A companion call: the user of the session does something.
            return http("/_regionsim/sessions/" + session_id + "/" + action, "POST", body, operator=True)

        def advance(seconds):
            request = urllib.request.Request(ENDPOINT + "/_regionsim/clock/advance", method="POST",
                data=json.dumps({"seconds": seconds}).encode(),
                headers={"Authorization": "Bearer " + os.environ["REGIONSIM_OPERATOR_TOKEN"], "Content-Type": "application/json"})
            with urllib.request.urlopen(request) as response:
                return json.load(response)

        """;

    private const string Epilogue = """

        print(json.dumps(out, default=str))
        """;

    /// <summary>
    /// What a client script (boto3 here, the JavaScript SDK in <see cref="JsSdk"/>) reads from its environment:
    /// the endpoint, the operator token and the secrets of <paramref name="accounts"/>; no AWS configuration.
    /// </summary>
    public static Dictionary<string, string> ScriptEnvironment(EndpointFixture fixture, IEnumerable<string> accounts)
    {
        var environment = AwsCli.Environment("unused", "unused");
        environment["REGIONSIM_ENDPOINT"] = fixture.EndpointUrl;
        environment["REGIONSIM_OPERATOR_TOKEN"] = EndpointFixture.OperatorToken;
        environment["REGIONSIM_SECRETS"] = JsonSerializer.Serialize(accounts.ToDictionary(a => a, EndpointFixture.SecretOf));
        return environment;
    }

    public static async Task<JsonElement> RunBoto3Async(this EndpointFixture fixture, string script, params string[] accounts)
    {
        var run = await ProcessRun.RunAsync("python3", ["-"], ScriptEnvironment(fixture, accounts), stdin: Prelude + script + Epilogue);
        Assert.True(run.ExitCode == 0, $"The boto3 script failed:\n{run}");
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }
}
