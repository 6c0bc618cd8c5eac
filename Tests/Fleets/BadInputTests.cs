using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Scaling;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Fleets;

/// <summary>Bad input for every operation: refused with the code the operation models (or Validation), naming the member, and nothing stored changes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BadInputTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    private static CreateFleetRequest Good(string name) => new()
    {
        Name = name, ImageName = ImageSetup.BaseImage, InstanceType = FleetSetup.InstanceType, FleetType = FleetType.AlwaysOn,
        ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 },
    };

    public static TheoryData<string, AppStreamErrorCode, string> CreateFleetCases() => new()
    {
        { "no-instance-type", AppStreamErrorCode.Validation, "InstanceType" },
        { "instance-type-pattern", AppStreamErrorCode.Validation, "InstanceType" },
        { "instance-type-unknown", AppStreamErrorCode.Validation, "InstanceType" },
        { "max-duration-low", AppStreamErrorCode.Validation, "MaxUserDurationInSeconds" },
        { "max-duration-high", AppStreamErrorCode.Validation, "MaxUserDurationInSeconds" },
        { "disconnect-low", AppStreamErrorCode.Validation, "DisconnectTimeoutInSeconds" },
        { "disconnect-high", AppStreamErrorCode.Validation, "DisconnectTimeoutInSeconds" },
        { "idle-between", AppStreamErrorCode.Validation, "IdleDisconnectTimeoutInSeconds" },
        { "idle-high", AppStreamErrorCode.Validation, "IdleDisconnectTimeoutInSeconds" },
        { "desired-negative", AppStreamErrorCode.Validation, "DesiredInstances" },
        { "description-long", AppStreamErrorCode.Validation, "Description" },
        { "display-name-long", AppStreamErrorCode.Validation, "DisplayName" },
        { "tag-aws", AppStreamErrorCode.Validation, "Tags" },
        { "image-arn-malformed", AppStreamErrorCode.Validation, "ImageArn" },
        { "image-name-pattern", AppStreamErrorCode.Validation, "ImageName" },
        { "no-capacity", AppStreamErrorCode.InvalidParameterCombination, "ComputeCapacity" },
        { "both-images", AppStreamErrorCode.InvalidParameterCombination, "ImageName" },
        { "no-image", AppStreamErrorCode.InvalidParameterCombination, "ImageName" },
        { "desired-sessions", AppStreamErrorCode.InvalidParameterCombination, "DesiredSessions" },
        { "multi-session", AppStreamErrorCode.InvalidParameterCombination, "MaxSessionsPerInstance" },
        { "max-sessions-on-always-on", AppStreamErrorCode.InvalidParameterCombination, "MaxConcurrentSessions" },
        { "elastic-with-capacity", AppStreamErrorCode.InvalidParameterCombination, "ComputeCapacity" },
        { "elastic-without-max-sessions", AppStreamErrorCode.InvalidParameterCombination, "MaxConcurrentSessions" },
        { "elastic-one-subnet", AppStreamErrorCode.InvalidParameterCombination, "subnets" },
        { "elastic-windows-2016", AppStreamErrorCode.InvalidParameterCombination, "WINDOWS_SERVER_2016" },
        { "iam-role", AppStreamErrorCode.Validation, "IamRoleArn" },
        { "root-volume", AppStreamErrorCode.Validation, "VolumeSizeInGb" },
        { "unknown-image", AppStreamErrorCode.ResourceNotFound, "no-such-image" },
    };

    [Theory]
    [MemberData(nameof(CreateFleetCases))]
    public async Task CreateFleet_refuses_bad_input_and_leaves_neither_fleet_nor_name(string bad, AppStreamErrorCode code, string named)
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("fleet");
        var good = Good(name);
        var elastic = good with
        {
            FleetType = FleetType.Elastic, ImageName = null, ComputeCapacity = null, MaxConcurrentSessions = 2,
            Platform = RegionSim.Images.PlatformType.WindowsServer2019, VpcConfig = new VpcConfig { SubnetIds = ["subnet-a", "subnet-b"] },
        };
        var request = bad switch
        {
            "no-instance-type" => good with { InstanceType = null },
            "instance-type-pattern" => good with { InstanceType = "m5.large" },
            "instance-type-unknown" => good with { InstanceType = "stream.turbo.large" },
            "max-duration-low" => good with { MaxUserDurationInSeconds = 599 },
            "max-duration-high" => good with { MaxUserDurationInSeconds = 432001 },
            "disconnect-low" => good with { DisconnectTimeoutInSeconds = 59 },
            "disconnect-high" => good with { DisconnectTimeoutInSeconds = 36001 },
            "idle-between" => good with { IdleDisconnectTimeoutInSeconds = 30 },
            "idle-high" => good with { IdleDisconnectTimeoutInSeconds = 36001 },
            "desired-negative" => good with { ComputeCapacity = new ComputeCapacity { DesiredInstances = -1 } },
            "description-long" => good with { Description = new string('d', 257) },
            "display-name-long" => good with { DisplayName = new string('d', 101) },
            "tag-aws" => good with { Tags = new Dictionary<string, string> { ["aws:owner"] = "me" } },
            "image-arn-malformed" => good with { ImageName = null, ImageArn = "arn:aws:s3:::bucket" },
            "image-name-pattern" => good with { ImageName = "-bad name" },
            "no-capacity" => good with { ComputeCapacity = null },
            "both-images" => good with { ImageArn = ResourceKey.Public(Region, ImageSetup.BaseImage).Arn(ResourceKind.Image) },
            "no-image" => good with { ImageName = null },
            "desired-sessions" => good with { ComputeCapacity = new ComputeCapacity { DesiredInstances = 1, DesiredSessions = 4 } },
            "multi-session" => good with { MaxSessionsPerInstance = 4 },
            "max-sessions-on-always-on" => good with { MaxConcurrentSessions = 4 },
            "elastic-with-capacity" => elastic with { ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 } },
            "elastic-without-max-sessions" => elastic with { MaxConcurrentSessions = null },
            "elastic-one-subnet" => elastic with { VpcConfig = new VpcConfig { SubnetIds = ["subnet-a"] } },
            "elastic-windows-2016" => elastic with { Platform = RegionSim.Images.PlatformType.WindowsServer2016 },
            "iam-role" => good with { IamRoleArn = "role/admin" },
            "root-volume" => good with { RootVolumeConfig = new VolumeConfig { VolumeSizeInGb = 100 } },
            "unknown-image" => good with { ImageName = "no-such-image" },
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        var error = await Expect.Refused(code, () => fixture.Fleet(account, name).CreateAsync(request));
        Assert.Contains(named, error.Message);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.DescribeFleetAsync(account, name));
        Assert.Empty(await fixture.Grains.GetGrain<IAccountGrain>(account).ListNamesAsync(Region, ResourceKind.Fleet));
        await fixture.Fleet(account, name).CreateAsync(good);
    }

    [Fact]
    public async Task A_fleet_name_outside_the_pattern_is_refused_before_any_grain_is_reached()
    {
        var error = Assert.Throws<AppStreamException>(() => fixture.Grains.GetFleet(Region, TestAccounts.NewAccount(), "bad name!"));
        Assert.Equal(AppStreamErrorCode.Validation, error.Code);
        await Expect.Refused(AppStreamErrorCode.Validation, () => fixture.Fleet(TestAccounts.NewAccount(), "fine").CreateAsync(Good("fine") with { Name = null }));
    }

    [Fact]
    public async Task UpdateFleet_refuses_bad_input_and_the_fleet_stays_as_it_was()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewFleetAsync(account);
        var before = await fixture.DescribeFleetAsync(account, name);
        var fleet = fixture.Fleet(account, name);

        await Expect.Refused(AppStreamErrorCode.Validation, () => fleet.UpdateAsync(new UpdateFleetRequest { Name = name, DisconnectTimeoutInSeconds = 10 }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => fleet.UpdateAsync(new UpdateFleetRequest { Name = name, InstanceType = "stream.standard.gigantic" }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => fleet.UpdateAsync(new UpdateFleetRequest { Name = name, ComputeCapacity = new ComputeCapacity { DesiredInstances = -2 } }));
        await Expect.Refused(AppStreamErrorCode.InvalidParameterCombination, () => fleet.UpdateAsync(new UpdateFleetRequest
        {
            Name = name, ImageName = ImageSetup.BaseImage, ImageArn = ResourceKey.Public(Region, ImageSetup.BaseImage).Arn(ResourceKind.Image),
        }));
        await Expect.Refused(AppStreamErrorCode.InvalidParameterCombination, () => fleet.UpdateAsync(new UpdateFleetRequest
        {
            Name = name, VpcConfig = new VpcConfig { SubnetIds = ["subnet-a"] }, AttributesToDelete = [FleetAttribute.VpcConfiguration],
        }));
        await Expect.Refused(AppStreamErrorCode.InvalidParameterCombination, () => fleet.UpdateAsync(new UpdateFleetRequest { Name = name, MaxConcurrentSessions = 3 }));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fleet.UpdateAsync(new UpdateFleetRequest { Name = name, ImageName = "no-such-image", DisplayName = "x" }));
        Assert.Equal(before, await fixture.DescribeFleetAsync(account, name));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.Fleet(account, "no-such-fleet").UpdateAsync(new UpdateFleetRequest { Name = "no-such-fleet" }));
    }

    [Fact]
    public async Task Fleet_operations_on_a_fleet_that_does_not_exist_are_refused_with_ResourceNotFound()
    {
        var fleet = fixture.Fleet(TestAccounts.NewAccount(), "no-such-fleet");
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fleet.DeleteAsync());
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fleet.StartAsync());
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fleet.StopAsync());
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fleet.DescribeAsync());
        Assert.Empty((await fleet.ListAssociatedStacksAsync(new ListAssociatedStacksRequest { FleetName = "no-such-fleet" })).Names);
    }

    [Fact]
    public async Task Stack_operations_refuse_bad_input_and_the_stack_stays_as_it_was()
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("stack");
        var stack = fixture.Stack(account, name);
        await Expect.Refused(AppStreamErrorCode.Validation, () => stack.CreateAsync(new CreateStackRequest { Name = name, Description = new string('d', 257) }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => stack.CreateAsync(new CreateStackRequest { Name = name, UserSettings = [] }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => stack.CreateAsync(new CreateStackRequest { Name = name, EmbedHostDomains = ["not a domain"] }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => stack.CreateAsync(new CreateStackRequest { Name = name, RedirectURL = "https://" + new string('x', 1000) }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => stack.CreateAsync(new CreateStackRequest { Name = name, ApplicationSettings = new ApplicationSettings() }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => stack.CreateAsync(new CreateStackRequest { Name = name, AccessEndpoints = [new AccessEndpoint()] }));
        await Expect.Refused(AppStreamErrorCode.InvalidParameterCombination, () => stack.CreateAsync(new CreateStackRequest
        {
            Name = name, UserSettings = [new UserSetting { Action = UserSettingAction.FileUpload, Permission = Permission.Enabled, MaximumLength = 10 }],
        }));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => stack.DescribeAsync());
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => stack.UpdateAsync(new UpdateStackRequest { Name = name }));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => stack.DeleteAsync());
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => stack.AssociateFleetAsync(new AssociateFleetRequest { FleetName = "f", StackName = name }));

        await stack.CreateAsync(new CreateStackRequest { Name = name, DisplayName = "kept" });
        var before = await stack.DescribeAsync();
        await Expect.Refused(AppStreamErrorCode.InvalidParameterCombination, () => stack.UpdateAsync(new UpdateStackRequest
        {
            Name = name, DisplayName = "lost", RedirectURL = "https://example.com", AttributesToDelete = [StackAttribute.RedirectUrl],
        }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => stack.UpdateAsync(new UpdateStackRequest { Name = name, DisplayName = new string('n', 101) }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => stack.AssociateFleetAsync(new AssociateFleetRequest { FleetName = "bad name", StackName = name }));
        await Expect.Refused(AppStreamErrorCode.ResourceAlreadyExists, () => stack.CreateAsync(new CreateStackRequest { Name = name }));
        Assert.Equivalent(before, await stack.DescribeAsync(), strict: true);
    }

    [Theory]
    [InlineData(0L, "u1", "Validity")]
    [InlineData(604801L, "u1", "Validity")]
    [InlineData(60L, "a", "UserId")]
    [InlineData(60L, "has space", "UserId")]
    [InlineData(60L, "a-user-id-that-is-far-too-long-for-it", "UserId")]
    [InlineData(60L, null, "UserId")]
    public async Task CreateStreamingURL_refuses_a_validity_or_user_outside_the_documented_limits(long validity, string? user, string member)
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1);
        var error = await Expect.Refused(AppStreamErrorCode.Validation, () => fixture.Stack(account, stack).CreateStreamingUrlAsync(new CreateStreamingURLRequest
        {
            StackName = stack, FleetName = fleet, UserId = user, Validity = validity,
        }));
        Assert.Contains(member, error.Message);
    }

    [Fact]
    public async Task Session_operations_refuse_bad_input()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1);
        var session = (await fixture.ConnectAsync(account, stack, fleet, "uli")).Session;
        var sessions = fixture.Grains.GetFleetSessions(Region, account, fleet);

        await Expect.Refused(AppStreamErrorCode.Validation, () => sessions.ActAsync(session.Id, new UserAction { Kind = UserActionKind.InstallSoftware }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => sessions.ActAsync(session.Id, UserAction.ChangeProfileSetting(new string('k', 257), "v")));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => sessions.ActAsync("no-such-session", UserAction.Disconnect));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => sessions.GetSessionAsync("no-such-session"));
        await Expect.Refused(AppStreamErrorCode.Validation, () => sessions.DescribeSessionsAsync(new DescribeSessionsRequest { FleetName = fleet }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => sessions.DescribeSessionsAsync(new DescribeSessionsRequest { StackName = stack, FleetName = fleet, Limit = -1 }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => sessions.DescribeSessionsAsync(new DescribeSessionsRequest { StackName = stack, FleetName = fleet, NextToken = "forged" }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => sessions.DescribeSessionsAsync(new DescribeSessionsRequest
        {
            StackName = stack, FleetName = fleet, UserId = "x", AuthenticationType = AuthenticationType.Api,
        }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => fixture.Grains.ConnectAsync("https://example.com/not-a-streaming-url"));
        Assert.Equal(SessionState.Active, (await fixture.SessionAsync(account, fleet, session.Id)).Session.State);
    }

    [Fact]
    public async Task Scaling_operations_refuse_bad_input()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await fixture.NewFleetAsync(account);
        var scaling = fixture.Grains.GetFleetScaling(Region, account, fleet);
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 5, MaxCapacity = 2 }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = -1, MaxCapacity = 2 }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MaxCapacity = 2 }));
        await scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 1, MaxCapacity = 4 });

        PutScalingPolicyRequest Tracking(double? target) => new()
        {
            PolicyName = "p", PolicyType = ScalingPolicyType.TargetTrackingScaling,
            TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration { TargetValue = target },
        };
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.PutScalingPolicyAsync(Tracking(null)));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.PutScalingPolicyAsync(Tracking(0)));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.PutScalingPolicyAsync(Tracking(120)));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.PutScalingPolicyAsync(Tracking(50) with { PolicyName = "" }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.PutScalingPolicyAsync(Tracking(50) with { PolicyType = null }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.PutScalingPolicyAsync(new PutScalingPolicyRequest
        {
            PolicyName = "s", PolicyType = ScalingPolicyType.StepScaling,
            StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration { AdjustmentType = AdjustmentType.ChangeInCapacity, StepAdjustments = [new StepAdjustment { ScalingAdjustment = 1 }] },
        }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.PutScheduledActionAsync(new PutScheduledActionRequest
        {
            ScheduledActionName = "a", Schedule = "cron(0 8 * * * *)", ScalableTargetAction = new ScalableTargetAction { MinCapacity = 1 },
        }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.PutScheduledActionAsync(new PutScheduledActionRequest
        {
            ScheduledActionName = "a", Schedule = "rate(1 hour)", ScalableTargetAction = new ScalableTargetAction { MinCapacity = 5, MaxCapacity = 1 },
        }));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.PutScheduledActionAsync(new PutScheduledActionRequest
        {
            ScheduledActionName = "a", Schedule = "rate(1 hour)", Timezone = "Nowhere/Else", ScalableTargetAction = new ScalableTargetAction { MinCapacity = 1 },
        }));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => scaling.DeleteScalingPolicyAsync("none"));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => scaling.DeleteScheduledActionAsync("none"));
        await Expect.Refused(AppStreamErrorCode.Validation, () => scaling.GetMetricsAsync(0));

        var described = await scaling.DescribeScalingAsync();
        Assert.Equal((1, 4), (described.ScalableTarget!.MinCapacity, described.ScalableTarget.MaxCapacity));
        Assert.Empty(described.ScalingPolicies);
        Assert.Empty(described.ScheduledActions);
    }
}
