using System.Text.Json;
using RegionSim.Tests.Endpoint.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>The AWS SDK for JavaScript v3 against the silo: its paginators, its fleet waiter, sharing and revoking, and its errors.</summary>
[Collection(EndpointCollection.Name)]
public sealed class JsSdkTests(EndpointFixture fixture)
{
    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task The_describe_images_paginator_reads_every_page_and_the_last_has_no_token()
    {
        var account = fixture.NewAccount();
        var images = await fixture.NewAvailableImagesAsync(account, 9);

        var result = await fixture.RunJsSdkAsync($$"""
            const pages = [];
            for await (const page of sdk.paginateDescribeImages({ client: appstream("{{account}}"), pageSize: 4 }, { Type: "PRIVATE" })) {
              pages.push(page);
            }
            out.sizes = pages.map(p => p.Images.length);
            out.tokens = pages.map(p => "NextToken" in p && p.NextToken !== undefined);
            out.names = pages.flatMap(p => p.Images.map(i => i.Name));
            out.created = pages[0].Images[0].CreatedTime instanceof Date;
            out.requestId = pages[0].$metadata.requestId;
            """, account);

        Assert.Equal([4, 4, 1], result.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([true, true, false], result.GetProperty("tokens").EnumerateArray().Select(e => e.GetBoolean()));
        Assert.Equal(images, Strings(result.GetProperty("names")));
        Assert.True(result.GetProperty("created").GetBoolean(), "CreatedTime should parse as a Date (epoch seconds on the wire).");
        Assert.False(string.IsNullOrEmpty(result.GetProperty("requestId").GetString()), "The SDK reads x-amzn-RequestId into $metadata.requestId.");
    }

    [Fact]
    public async Task A_fleet_on_a_shared_image_starts_under_the_waiter_streams_and_goes_to_desired_0_when_the_share_is_revoked()
    {
        var (owner, recipient) = (fixture.NewAccount(), fixture.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        var timings = await fixture.Clock.GetTimingsAsync();

        var result = await fixture.RunJsSdkAsync($$"""
            const ownerClient = appstream("{{owner}}"), user = appstream("{{recipient}}");
            const fleet = async () => (await user.send(new sdk.DescribeFleetsCommand({ Names: ["js-fleet"] }))).Fleets[0];
            const arn = (await ownerClient.send(new sdk.DescribeImagesCommand({ Names: ["{{image}}"] }))).Images[0].Arn;
            await ownerClient.send(new sdk.UpdateImagePermissionsCommand({ Name: "{{image}}", SharedAccountId: "{{recipient}}",
              ImagePermissions: { allowFleet: true, allowImageBuilder: false } }));
            out.sharedWithMe = (await user.send(new sdk.DescribeImagesCommand({ Type: "SHARED" }))).Images.map(i => i.Arn);

            await user.send(new sdk.CreateFleetCommand({ Name: "js-fleet", ImageArn: arn, InstanceType: "stream.standard.medium",
              FleetType: "ALWAYS_ON", ComputeCapacity: { DesiredInstances: 1 } }));
            await user.send(new sdk.CreateStackCommand({ Name: "js-stack" }));
            await user.send(new sdk.AssociateFleetCommand({ FleetName: "js-fleet", StackName: "js-stack" }));
            await user.send(new sdk.StartFleetCommand({ Name: "js-fleet" }));
            // The waiter polls (first at once, then every second) while the clock moves on.
            const waited = sdk.waitUntilFleetStarted({ client: user, minDelay: 1, maxDelay: 1, maxWaitTime: 60 }, { Names: ["js-fleet"] });
            out.advanced = await advance({{Math.Max(timings.FleetStart.TotalSeconds, timings.FleetInstanceProvisioning.TotalSeconds)}});
            out.waiter = (await waited).state;
            out.running = (await fleet()).ComputeCapacityStatus;

            const url = await user.send(new sdk.CreateStreamingURLCommand({ StackName: "js-stack", FleetName: "js-fleet", UserId: "dana" }));
            out.opened = await http(url.StreamingURL);

            await ownerClient.send(new sdk.UpdateImagePermissionsCommand({ Name: "{{image}}", SharedAccountId: "{{recipient}}",
              ImagePermissions: { allowFleet: false, allowImageBuilder: true } }));
            out.revoked = (await fleet()).ComputeCapacityStatus;
            out.sessions = (await user.send(new sdk.DescribeSessionsCommand({ StackName: "js-stack", FleetName: "js-fleet" }))).Sessions.map(s => s.State);
            out.newFleet = await errorOf(() => user.send(new sdk.CreateFleetCommand({ Name: "js-other", ImageArn: arn,
              InstanceType: "stream.standard.medium", ComputeCapacity: { DesiredInstances: 1 } })));
            """, owner, recipient);

        Assert.Equal([$"arn:aws:appstream:us-east-1:{owner}:image/{image}"], Strings(result.GetProperty("sharedWithMe")));
        Assert.Equal("manual", result.GetProperty("advanced").GetProperty("mode").GetString());
        Assert.Equal("SUCCESS", result.GetProperty("waiter").GetString());
        Assert.Equal(1, result.GetProperty("running").GetProperty("Available").GetInt32());
        Assert.Equal(200, result.GetProperty("opened").GetProperty("status").GetInt32());
        Assert.Equal("ACTIVE", result.GetProperty("opened").GetProperty("body").GetProperty("State").GetString());
        var revoked = result.GetProperty("revoked");
        Assert.Equal((0, 1), (revoked.GetProperty("Desired").GetInt32(), revoked.GetProperty("InUse").GetInt32()));
        Assert.Equal(["ACTIVE"], Strings(result.GetProperty("sessions")));
        Assert.Equal("OperationNotPermittedException", result.GetProperty("newFleet").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Errors_reach_the_SDK_as_the_modelled_exceptions_with_their_status()
    {
        var account = fixture.NewAccount();

        var result = await fixture.RunJsSdkAsync($$"""
            const c = appstream("{{account}}");
            out.missing = await errorOf(() => c.send(new sdk.DescribeFleetsCommand({ Names: ["no-such-fleet"] })));
            out.invalid = await errorOf(() => c.send(new sdk.CreateStreamingURLCommand({ StackName: "s", FleetName: "f", UserId: "u" })));
            out.wrongSecret = await errorOf(() => new sdk.AppStreamClient({ region: "us-east-1", endpoint: ENDPOINT, maxAttempts: 1,
              credentials: { accessKeyId: "{{account}}", secretAccessKey: "not-the-secret" } }).send(new sdk.DescribeImagesCommand({})));
            out.unknownKey = await errorOf(() => new sdk.AppStreamClient({ region: "us-east-1", endpoint: ENDPOINT, maxAttempts: 1,
              credentials: { accessKeyId: "AKIANOBODYKNOWS", secretAccessKey: "x" } }).send(new sdk.DescribeImagesCommand({})));
            """, account);

        var missing = result.GetProperty("missing");
        Assert.Equal(("ResourceNotFoundException", 400), (missing.GetProperty("name").GetString(), missing.GetProperty("status").GetInt32()));
        Assert.Contains("no-such-fleet", missing.GetProperty("message").GetString());
        var invalid = result.GetProperty("invalid");
        Assert.Equal(("ValidationException", 400), (invalid.GetProperty("name").GetString(), invalid.GetProperty("status").GetInt32()));
        Assert.Contains("Value 'u' at 'userId'", invalid.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(("InvalidSignatureException", 403), (result.GetProperty("wrongSecret").GetProperty("name").GetString(), result.GetProperty("wrongSecret").GetProperty("status").GetInt32()));
        Assert.Equal(("UnrecognizedClientException", 403), (result.GetProperty("unknownKey").GetProperty("name").GetString(), result.GetProperty("unknownKey").GetProperty("status").GetInt32()));
    }
}
