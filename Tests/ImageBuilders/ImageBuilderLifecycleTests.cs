using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Fleets;
using RegionSim.Network;
using RegionSim.Stacks;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.ImageBuilders;

[Collection(ClusterCollection.Name)]
public sealed class ImageBuilderLifecycleTests(ClusterFixture fixture)
{
    private const string Region = ImageBuilderSetup.Region;

    [Fact]
    public async Task A_new_builder_is_PENDING_until_the_launch_time_has_passed_then_RUNNING()
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("ib");
        var now = await fixture.Clock.GetNowAsync();

        var created = (await fixture.CreateBuilderAsync(account, name)).ImageBuilder;
        Assert.Equal(ImageBuilderState.Pending, created.State);
        Assert.Equal($"arn:aws:appstream:{Region}:{account}:image-builder/{name}", created.Arn);
        Assert.Equal($"arn:aws:appstream:{Region}::image/{ImageSetup.BaseImage}", created.ImageArn);
        Assert.Equal(PlatformType.WindowsServer2019, created.Platform);
        Assert.Equal(ImageBuilderSetup.InstanceType, created.InstanceType);
        Assert.Equal(now, created.CreatedTime);
        Assert.Equal("10-08-2024", created.AppstreamAgentVersion);

        var launch = (await fixture.TimingsAsync()).ImageBuilderLaunch;
        await fixture.AdvanceAsync(launch - TimeSpan.FromSeconds(1));
        Assert.Equal(ImageBuilderState.Pending, (await fixture.Builder(account, name).DescribeAsync()).State);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(1));
        var running = await fixture.Builder(account, name).DescribeAsync();
        Assert.Equal(ImageBuilderState.Running, running.State);
        Assert.NotNull(running.NetworkAccessConfiguration?.EniId);
    }

    [Fact]
    public async Task Stop_start_and_delete_go_through_their_states_on_the_clock()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewRunningBuilderAsync(account);
        var builder = fixture.Builder(account, name);
        var timings = await fixture.TimingsAsync();

        Assert.Equal(ImageBuilderState.Stopping, (await builder.StopAsync()).ImageBuilder.State);
        await fixture.AdvanceAsync(timings.ImageBuilderStop);
        Assert.Equal(ImageBuilderState.Stopped, (await builder.DescribeAsync()).State);

        Assert.Equal(ImageBuilderState.Pending, (await builder.StartAsync(new StartImageBuilderRequest { Name = name })).ImageBuilder.State);
        await fixture.AdvanceAsync(timings.ImageBuilderStart);
        Assert.Equal(ImageBuilderState.Running, (await builder.DescribeAsync()).State);

        await builder.StopAsync();
        await fixture.AdvanceAsync(timings.ImageBuilderStop);
        Assert.Equal(ImageBuilderState.Deleting, (await builder.DeleteAsync()).ImageBuilder.State);
        Assert.Contains(name, await fixture.Grains.GetGrain<IAccountGrain>(account).ListNamesAsync(Region, Resources.ResourceKind.ImageBuilder));
        await fixture.AdvanceAsync(timings.ImageBuilderDeletion);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => builder.DescribeAsync());
        Assert.DoesNotContain(name, await fixture.Grains.GetGrain<IAccountGrain>(account).ListNamesAsync(Region, Resources.ResourceKind.ImageBuilder));

        // The name is free again.
        await fixture.CreateBuilderAsync(account, name);
    }

    [Fact]
    public async Task Actions_are_refused_in_states_AWS_does_not_allow_them_in()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewRunningBuilderAsync(account);
        var builder = fixture.Builder(account, name);

        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => builder.StartAsync(new StartImageBuilderRequest { Name = name }));
        var deleteRunning = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => builder.DeleteAsync());
        Assert.Contains("RUNNING", deleteRunning.Message);

        await builder.StopAsync();
        foreach (var call in new Func<Task>[]
        {
            () => builder.StopAsync(),
            () => builder.DeleteAsync(),
            () => builder.StartAsync(new StartImageBuilderRequest { Name = name }),
        })
        {
            var error = await Expect.Refused(AppStreamErrorCode.ConcurrentModification, call);
            Assert.Contains("STOPPING", error.Message);
        }

        // CreateImageBuilderStreamingURL models no ConcurrentModification: any state but RUNNING is OperationNotPermitted.
        var streaming = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => builder.CreateStreamingUrlAsync(new CreateImageBuilderStreamingURLRequest { Name = name }));
        Assert.Contains("STOPPING", streaming.Message);

        await fixture.AdvanceAsync((await fixture.TimingsAsync()).ImageBuilderStop);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => builder.StopAsync());
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => builder.CreateStreamingUrlAsync(new CreateImageBuilderStreamingURLRequest { Name = name }));
    }

    [Fact]
    public async Task Nothing_is_possible_while_the_builder_is_PENDING()
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("ib");
        await fixture.CreateBuilderAsync(account, name);
        var builder = fixture.Builder(account, name);
        await Expect.Refused(AppStreamErrorCode.ConcurrentModification, () => builder.StopAsync());
        await Expect.Refused(AppStreamErrorCode.ConcurrentModification, () => builder.DeleteAsync());
        await Expect.Refused(AppStreamErrorCode.ConcurrentModification, () => builder.StartAsync(new StartImageBuilderRequest { Name = name }));
        await Expect.Refused(AppStreamErrorCode.ConcurrentModification, () => builder.RebootAsync());
    }

    [Fact]
    public async Task A_streaming_URL_is_valid_for_an_hour_unless_told_otherwise()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewRunningBuilderAsync(account);
        var builder = fixture.Builder(account, name);
        var now = await fixture.Clock.GetNowAsync();

        var url = await builder.CreateStreamingUrlAsync(new CreateImageBuilderStreamingURLRequest { Name = name });
        Assert.StartsWith($"https://appstream2.{Region}.aws.amazon.com/authenticate?parameters=", url.StreamingURL);
        Assert.Equal(now.AddSeconds(3600), url.Expires);
        Assert.Equal(now.AddSeconds(604_800), (await builder.CreateStreamingUrlAsync(new CreateImageBuilderStreamingURLRequest { Name = name, Validity = 604_800 })).Expires);
        Assert.Equal(now.AddSeconds(1), (await builder.CreateStreamingUrlAsync(new CreateImageBuilderStreamingURLRequest { Name = name, Validity = 1 })).Expires);

        foreach (var validity in new long[] { 0, 604_801, -5 })
        {
            var error = await Expect.Refused(AppStreamErrorCode.Validation, () => builder.CreateStreamingUrlAsync(new CreateImageBuilderStreamingURLRequest { Name = name, Validity = validity }));
            Assert.Contains("Validity", error.Message);
        }
    }

    [Fact]
    public async Task Builder_names_are_unique_per_account_and_region_and_apart_from_image_names()
    {
        var (account, other) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var name = TestAccounts.NewName("ib");
        await fixture.CreateBuilderAsync(account, name);
        await Expect.Refused(AppStreamErrorCode.ResourceAlreadyExists, () => fixture.CreateBuilderAsync(account, name));

        await fixture.CreateBuilderAsync(other, name);
        await fixture.CreateBuilderAsync(account, name, region: ImageSetup.OtherRegion);
        await fixture.NewPendingImageAsync(account, name: name);
    }

    [Fact]
    public async Task DescribeImageBuilders_lists_the_accounts_builders_by_name_and_in_pages()
    {
        var account = TestAccounts.NewAccount();
        var names = new[] { "ib-c", "ib-a", "ib-b" };
        foreach (var name in names)
        {
            await fixture.CreateBuilderAsync(account, name);
        }

        var grain = fixture.Grains.GetGrain<IAccountGrain>(account);
        var all = await grain.DescribeImageBuildersAsync(Region, new DescribeImageBuildersRequest());
        Assert.Equal(["ib-a", "ib-b", "ib-c"], all.ImageBuilders.Select(b => b.Name));
        Assert.Null(all.NextToken);

        var first = await grain.DescribeImageBuildersAsync(Region, new DescribeImageBuildersRequest { MaxResults = 2 });
        Assert.Equal(["ib-a", "ib-b"], first.ImageBuilders.Select(b => b.Name));
        var last = await grain.DescribeImageBuildersAsync(Region, new DescribeImageBuildersRequest { MaxResults = 2, NextToken = first.NextToken });
        Assert.Equal(["ib-c"], last.ImageBuilders.Select(b => b.Name));
        Assert.Null(last.NextToken);

        var named = await grain.DescribeImageBuildersAsync(Region, new DescribeImageBuildersRequest { Names = ["ib-b"] });
        Assert.Equal("ib-b", Assert.Single(named.ImageBuilders).Name);
        var missing = await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => grain.DescribeImageBuildersAsync(Region, new DescribeImageBuildersRequest { Names = ["ib-b", "ib-zzz"] }));
        Assert.Contains("ib-zzz", missing.Message);
        Assert.Empty((await grain.DescribeImageBuildersAsync(ImageSetup.OtherRegion, new DescribeImageBuildersRequest())).ImageBuilders);
    }

    [Fact]
    public async Task Tags_are_kept_changed_and_removed()
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("ib");
        await fixture.Builder(account, name).CreateAsync(new CreateImageBuilderRequest
        {
            Name = name, ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, Tags = new Dictionary<string, string> { ["team"] = "a" },
        });
        var builder = fixture.Builder(account, name);
        await builder.TagAsync(account, new Dictionary<string, string> { ["team"] = "b", ["env"] = "" });
        Assert.Equal(new Dictionary<string, string> { ["team"] = "b", ["env"] = "" }, await builder.ListTagsAsync(account));
        await builder.UntagAsync(account, ["team"]);
        Assert.Equal(["env"], (await builder.ListTagsAsync(account)).Keys);
        await Expect.Refused(AppStreamErrorCode.Validation, () => builder.TagAsync(account, new Dictionary<string, string> { ["aws:x"] = "y" }));
    }

    [Fact]
    public async Task Another_account_naming_the_builder_by_its_arn_finds_nothing_to_tag()
    {
        var (account, other) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var name = TestAccounts.NewName("ib");
        await fixture.Builder(account, name).CreateAsync(new CreateImageBuilderRequest
        {
            Name = name, ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, Tags = new Dictionary<string, string> { ["team"] = "a" },
        });
        var builder = fixture.Builder(account, name);

        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => builder.TagAsync(other, new Dictionary<string, string> { ["team"] = "stolen" }));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => builder.UntagAsync(other, ["team"]));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => builder.ListTagsAsync(other));
        Assert.Equal(new Dictionary<string, string> { ["team"] = "a" }, await builder.ListTagsAsync(account));
    }

    public static TheoryData<string, CreateImageBuilderRequest, AppStreamErrorCode> BadRequests() => new()
    {
        { "InstanceType", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = "stream.standard.xlarge" }, AppStreamErrorCode.Validation },
        { "InstanceType", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage }, AppStreamErrorCode.Validation },
        { "Description", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, Description = new string('d', 257) }, AppStreamErrorCode.Validation },
        { "DisplayName", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, DisplayName = new string('d', 101) }, AppStreamErrorCode.Validation },
        { "subnet", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, VpcConfig = new VpcConfig { SubnetIds = ["subnet-1", "subnet-2"] } }, AppStreamErrorCode.InvalidParameterCombination },
        { "SecurityGroupIds", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, VpcConfig = new VpcConfig { SubnetIds = ["subnet-1"], SecurityGroupIds = ["a", "b", "c", "d", "e", "f"] } }, AppStreamErrorCode.Validation },
        { "IamRoleArn", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, IamRoleArn = "arn:aws:s3:::bucket" }, AppStreamErrorCode.InvalidRole },
        { "VolumeSizeInGb", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, RootVolumeConfig = new VolumeConfig { VolumeSizeInGb = 199 } }, AppStreamErrorCode.Validation },
        { "VolumeSizeInGb", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, RootVolumeConfig = new VolumeConfig { VolumeSizeInGb = 501 } }, AppStreamErrorCode.Validation },
        { "AccessEndpoints", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, AccessEndpoints = [] }, AppStreamErrorCode.Validation },
        { "EndpointType", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, AccessEndpoints = [new AccessEndpoint { VpceId = "vpce-1" }] }, AppStreamErrorCode.Validation },
        { "ImageArn", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, ImageArn = $"arn:aws:appstream:{Region}::image/{ImageSetup.BaseImage}", InstanceType = ImageBuilderSetup.InstanceType }, AppStreamErrorCode.InvalidParameterCombination },
        { "ImageArn", new CreateImageBuilderRequest { InstanceType = ImageBuilderSetup.InstanceType }, AppStreamErrorCode.InvalidParameterCombination },
        { "Tags", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, Tags = new Dictionary<string, string>() }, AppStreamErrorCode.Validation },
        { "AppstreamAgentVersion", new CreateImageBuilderRequest { ImageName = ImageSetup.BaseImage, InstanceType = ImageBuilderSetup.InstanceType, AppstreamAgentVersion = "" }, AppStreamErrorCode.Validation },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_are_refused_naming_the_member_and_leave_no_builder(string member, CreateImageBuilderRequest request, AppStreamErrorCode code)
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("ib");
        var error = await Expect.Refused(code, () => fixture.Builder(account, name).CreateAsync(request with { Name = name }));
        Assert.Contains(member, error.Message);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.Builder(account, name).DescribeAsync());
        Assert.Empty(await fixture.Grains.GetGrain<IAccountGrain>(account).ListNamesAsync(Region, Resources.ResourceKind.ImageBuilder));
    }
}
