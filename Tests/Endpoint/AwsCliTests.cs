using System.Text.Json;
using RegionSim.Fleets;
using RegionSim.Stacks;
using RegionSim.Tests.Endpoint.Infrastructure;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>The <c>aws appstream</c> CLI (v1, first on PATH) against the silo: what it prints and how it exits.</summary>
[Collection(EndpointCollection.Name)]
public sealed class AwsCliTests(EndpointFixture fixture)
{
    [Fact]
    public async Task Describe_images_follows_the_pages_to_the_last()
    {
        var account = fixture.NewAccount();
        var images = await fixture.NewAvailableImagesAsync(account, 23);

        var run = await fixture.RunAsync(account, "appstream", "describe-images", "--type", "PRIVATE", "--page-size", "5");

        Assert.True(run.ExitCode == 0, run.ToString());
        var listed = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("Images").EnumerateArray().ToList();
        Assert.Equal(images, listed.Select(i => i.GetProperty("Name").GetString()));
        Assert.All(listed, image =>
        {
            Assert.Equal("AVAILABLE", image.GetProperty("State").GetString());
            Assert.Equal("PRIVATE", image.GetProperty("Visibility").GetString());
            Assert.Equal(JsonValueKind.Number, image.GetProperty("CreatedTime").ValueKind);
        });
    }

    [Fact]
    public async Task A_refusal_prints_the_error_and_exits_255()
    {
        var (owner, recipient) = (fixture.NewAccount(), fixture.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        var share = await fixture.RunAsync(owner, "appstream", "update-image-permissions", "--name", image,
            "--shared-account-id", recipient, "--image-permissions", "allowFleet=true,allowImageBuilder=false");

        var delete = await fixture.RunAsync(owner, "appstream", "delete-image", "--name", image);

        Assert.True(share.ExitCode == 0, share.ToString());
        Assert.Equal(255, delete.ExitCode);
        Assert.Equal("", delete.Stdout);
        Assert.Equal(
            $"\n{AwsCli.ErrorLine("ResourceInUseException", "DeleteImage")}Image {image} is shared with 1 account(s) ({recipient}); remove all image permissions before deleting it.\n",
            delete.Stderr);
    }

    [Fact]
    public async Task A_constraint_violation_names_the_member()
    {
        var account = fixture.NewAccount();

        var run = await fixture.RunAsync(account, "appstream", "copy-image", "--source-image-name", "src",
            "--destination-image-name", "has spaces", "--destination-region", "eu-west-1");

        Assert.Equal(255, run.ExitCode);
        Assert.Contains(AwsCli.ErrorLine("ValidationException", "CopyImage") + "1 validation error detected: Value 'has spaces' at 'DestinationImageName'", run.Stderr);
    }

    [Fact]
    public async Task Wrong_secrets_and_unknown_keys_are_refused_as_aws_refuses_them()
    {
        var account = fixture.NewAccount();

        var wrongSecret = await fixture.RunWithKeyAsync(account, "not-the-secret", "appstream", "describe-images");
        var unknownKey = await fixture.RunWithKeyAsync("AKIAUNKNOWNKEY000000", "anything", "appstream", "describe-images");

        Assert.Equal(255, wrongSecret.ExitCode);
        Assert.Contains(AwsCli.ErrorLine("InvalidSignatureException", "DescribeImages") + "The request signature we calculated does not match", wrongSecret.Stderr);
        Assert.Equal(255, unknownKey.ExitCode);
        Assert.Contains(AwsCli.ErrorLine("UnrecognizedClientException", "DescribeImages") + "The security token included in the request is invalid.", unknownKey.Stderr);
    }

    [Fact]
    public async Task The_fleet_waiters_succeed_on_the_state_they_wait_for_and_fail_on_the_opposite()
    {
        var account = fixture.NewAccount();
        var fleet = TestAccounts.NewName("fleet");
        var create = await fixture.RunAsync(account, "appstream", "create-fleet", "--name", fleet, "--image-name", EndpointFixture.BaseImage,
            "--instance-type", "stream.standard.small", "--compute-capacity", "DesiredInstances=1");
        var start = await fixture.RunAsync(account, "appstream", "start-fleet", "--name", fleet);
        await fixture.Clock.AdvanceByAsync((await fixture.Clock.GetTimingsAsync()).FleetStart);

        var started = await fixture.RunAsync(account, "appstream", "wait", "fleet-started", "--names", fleet);
        var stopped = await fixture.RunAsync(account, "appstream", "wait", "fleet-stopped", "--names", fleet);

        Assert.True(create.ExitCode == 0 && start.ExitCode == 0, $"{create}\n{start}");
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.Equal("", started.Stdout);
        Assert.Equal(255, stopped.ExitCode);
        Assert.Equal("\nWaiter FleetStopped failed: Waiter encountered a terminal failure state: For expression \"Fleets[].State\" we matched expected path: \"RUNNING\" at least once\n", stopped.Stderr);
    }

    [Fact]
    public async Task Refusals_of_the_fleet_stack_and_session_operations_print_as_aws_prints_them()
    {
        var account = fixture.NewAccount();
        var (fleet, stack) = await NewAssociatedFleetAsync(account);

        var stackAgain = await fixture.RunAsync(account, "appstream", "create-stack", "--name", stack);
        var deleteAssociated = await fixture.RunAsync(account, "appstream", "delete-fleet", "--name", fleet);
        var urlForStopped = await fixture.RunAsync(account, "appstream", "create-streaming-url", "--stack-name", stack, "--fleet-name", fleet, "--user-id", "ann");
        var badUser = await fixture.RunAsync(account, "appstream", "create-streaming-url", "--stack-name", stack, "--fleet-name", fleet, "--user-id", "a b");
        var missing = await fixture.RunAsync(account, "appstream", "describe-stacks", "--names", "no-such-stack");
        var sessionsWithoutType = await fixture.RunAsync(account, "appstream", "describe-sessions", "--stack-name", stack, "--fleet-name", fleet, "--user-id", "ann");

        Assert.Equal((255, ""), (stackAgain.ExitCode, stackAgain.Stdout));
        Assert.Equal($"\n{AwsCli.ErrorLine("ResourceAlreadyExistsException", "CreateStack")}Account {account} already has a stack named {stack} in us-east-1.\n", stackAgain.Stderr);
        Assert.Equal(255, deleteAssociated.ExitCode);
        Assert.Equal($"\n{AwsCli.ErrorLine("ResourceInUseException", "DeleteFleet")}Fleet {fleet} is associated with stack(s) {stack}; disassociate it (DisassociateFleet) before deleting it.\n", deleteAssociated.Stderr);
        Assert.Equal(255, urlForStopped.ExitCode);
        Assert.Equal($"\n{AwsCli.ErrorLine("ResourceNotAvailableException", "CreateStreamingURL")}Fleet {fleet} is STOPPED; streaming URLs are for a RUNNING fleet.\n", urlForStopped.Stderr);
        Assert.Contains(AwsCli.ErrorLine("ValidationException", "CreateStreamingURL") + "1 validation error detected: Value 'a b' at 'UserId'", badUser.Stderr);
        Assert.Contains(AwsCli.ErrorLine("ResourceNotFoundException", "DescribeStacks"), missing.Stderr);
        Assert.Contains(AwsCli.ErrorLine("InvalidParameterCombinationException", "DescribeSessions"), sessionsWithoutType.Stderr);
    }

    [Fact]
    public async Task Create_streaming_url_prints_a_url_on_this_host_that_opens_a_session()
    {
        var account = fixture.NewAccount();
        var (fleet, stack) = await NewAssociatedFleetAsync(account);
        await fixture.Grains.GetFleet(EndpointFixture.Region, account, fleet).StartAsync();
        var timings = await fixture.Clock.GetTimingsAsync();
        await fixture.Clock.AdvanceByAsync(timings.FleetStart > timings.FleetInstanceProvisioning ? timings.FleetStart : timings.FleetInstanceProvisioning);
        var created = await fixture.RunAsync(account, "appstream", "create-streaming-url", "--stack-name", stack, "--fleet-name", fleet, "--user-id", "ann", "--validity", "120");
        Assert.True(created.ExitCode == 0, created.ToString());
        var url = JsonDocument.Parse(created.Stdout).RootElement.GetProperty("StreamingURL").GetString()!;
        Assert.StartsWith($"{fixture.EndpointUrl}/authenticate?parameters=", url);

        using var http = new HttpClient();
        var opened = JsonDocument.Parse(await http.GetStringAsync(url)).RootElement;
        var sessions = await fixture.RunAsync(account, "appstream", "describe-sessions", "--stack-name", stack, "--fleet-name", fleet);
        var listed = Assert.Single(JsonDocument.Parse(sessions.Stdout).RootElement.GetProperty("Sessions").EnumerateArray());
        Assert.Equal(opened.GetProperty("SessionId").GetString(), listed.GetProperty("Id").GetString());
        // CreateFleet without FleetType makes an ON_DEMAND fleet: the session is PENDING while its instance starts.
        Assert.Equal(("ann", "PENDING", "NOT_CONNECTED", "API"),
            (listed.GetProperty("UserId").GetString(), listed.GetProperty("State").GetString(), listed.GetProperty("ConnectionState").GetString(), listed.GetProperty("AuthenticationType").GetString()));
    }

    /// <summary>A STOPPED ON_DEMAND fleet and a stack associated with it, made through the grains.</summary>
    private async Task<(string Fleet, string Stack)> NewAssociatedFleetAsync(string account)
    {
        var (fleet, stack) = (TestAccounts.NewName("fleet"), TestAccounts.NewName("stack"));
        await fixture.Grains.GetFleet(EndpointFixture.Region, account, fleet).CreateAsync(new CreateFleetRequest
        {
            Name = fleet, ImageName = EndpointFixture.BaseImage, InstanceType = "stream.standard.small", ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 },
        });
        await fixture.Grains.GetStack(EndpointFixture.Region, account, stack).CreateAsync(new CreateStackRequest { Name = stack });
        await fixture.Grains.GetStack(EndpointFixture.Region, account, stack).AssociateFleetAsync(new AssociateFleetRequest { FleetName = fleet, StackName = stack });
        return (fleet, stack);
    }
}
