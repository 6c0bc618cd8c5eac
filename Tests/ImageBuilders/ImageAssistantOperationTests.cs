using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Fleets;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.ImageBuilders;

/// <summary>Image Assistant's operations on the builder grain, with the answers AWS documents.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ImageAssistantOperationTests(ClusterFixture fixture)
{
    private const string Region = ImageBuilderSetup.Region;
    private const string Notepad = @"C:\Windows\System32\notepad.exe";

    private async Task<IImageBuilderGrain> RunningBuilderAsync(string? account = null, string image = ImageSetup.BaseImage, DomainJoinInfo? domain = null)
    {
        account ??= TestAccounts.NewAccount();
        return fixture.Builder(account, await fixture.NewRunningBuilderAsync(account, image, domain: domain));
    }

    private static ApplicationConfig App(string name, string path = Notepad) => new() { Name = name, AbsoluteAppPath = path };

    private static void Succeeds(ImageAssistantResult result) => Assert.True(result.Status == 0, $"{result.Status}: {result.Message}");

    private static void Refused(string message, ImageAssistantResult result)
    {
        Assert.Equal(1, result.Status);
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public async Task Applications_are_added_listed_and_removed()
    {
        var builder = await RunningBuilderAsync();
        Succeeds(await builder.AddApplicationAsync(App("notepad")));
        Succeeds(await builder.AddApplicationAsync(new ApplicationConfig
        {
            Name = "shell", AbsoluteAppPath = @"C:\Windows\System32\cmd.exe", DisplayName = "Command Prompt",
            WorkingDirectory = @"C:\Windows", LaunchParameters = "/k echo \"hi\"",
        }));

        var listed = await builder.ListApplicationsAsync();
        Succeeds(listed);
        Assert.Equal(["notepad", "shell"], listed.Applications!.Select(a => a.Name));
        Assert.Equal("notepad", listed.Applications![0].DisplayName);
        Assert.Equal("Command Prompt", listed.Applications[1].DisplayName);

        Succeeds(await builder.RemoveApplicationAsync("NOTEPAD"));
        Refused("App not found", await builder.RemoveApplicationAsync("notepad"));
        Refused("App not found", await builder.RemoveApplicationAsync(null));
        Assert.Equal(["shell"], (await builder.ListApplicationsAsync()).Applications!.Select(a => a.Name));
    }

    [Fact]
    public async Task A_display_name_is_derived_from_the_executable_when_absent()
    {
        var builder = await RunningBuilderAsync();
        await builder.InstallFilesAsync(new Dictionary<string, string> { [@"C:\Program Files\My App\My Great App.exe"] = "" });
        Succeeds(await builder.AddApplicationAsync(App("great", @"C:\Program Files\My App\My Great App.exe")));
        Assert.Equal("My_Great_App", Assert.Single((await builder.ListApplicationsAsync()).Applications!).DisplayName);
    }

    [Fact]
    public async Task Names_are_unique_in_the_catalogue()
    {
        var builder = await RunningBuilderAsync();
        Succeeds(await builder.AddApplicationAsync(App("notepad")));
        Refused("Name is not unique", await builder.AddApplicationAsync(App("Notepad")));
    }

    [Fact]
    public async Task The_catalogue_holds_at_most_50_applications()
    {
        var builder = await RunningBuilderAsync();
        for (var i = 0; i < 50; i++)
        {
            Succeeds(await builder.AddApplicationAsync(App($"app{i}")));
        }

        Refused("Unable to add more than 50 apps to the catalog.", await builder.AddApplicationAsync(App("app50")));
        Succeeds(await builder.RemoveApplicationAsync("app0"));
        Succeeds(await builder.AddApplicationAsync(App("app50")));
    }

    [Fact]
    public async Task Paths_must_name_files_and_directories_that_exist_with_the_right_extensions()
    {
        var builder = await RunningBuilderAsync();
        await builder.InstallFilesAsync(new Dictionary<string, string>
        {
            [@"C:\Tools\run.ps1"] = "",
            [@"C:\Tools\start.bat"] = "",
            [@"C:\Tools\icon.png"] = "",
            [@"C:\Tools\icon.ico"] = "",
            [@"C:\Tools\manifest.txt"] = "C:\\Tools\\start.bat\nC:\\Tools\n",
            [@"C:\Tools\broken.txt"] = "C:\\Tools\\start.bat\r\nC:\\Tools\\gone.dll\r\n",
        });

        Refused("File not found (absolute-app-path)", await builder.AddApplicationAsync(App("a", @"C:\Tools\missing.exe")));
        Refused("File not found (absolute-app-path)", await builder.AddApplicationAsync(App("a", @"Tools\start.bat")));
        Refused("Unsupported file extension", await builder.AddApplicationAsync(App("a", @"C:\Tools\run.ps1")));
        Refused("Directory not found (working-directory)", await builder.AddApplicationAsync(App("a", @"C:\Tools\start.bat") with { WorkingDirectory = @"C:\Nowhere" }));
        Refused("File not found (absolute-icon-path)", await builder.AddApplicationAsync(App("a", @"C:\Tools\start.bat") with { AbsoluteIconPath = @"C:\Tools\none.png" }));
        Refused("Unsupported file extension (absolute-icon-path)", await builder.AddApplicationAsync(App("a", @"C:\Tools\start.bat") with { AbsoluteIconPath = @"C:\Tools\icon.ico" }));
        Refused(@"Optimization-manifest not found: C:\Tools\none.txt", await builder.AddApplicationAsync(App("a", @"C:\Tools\start.bat") with { AbsoluteManifestPath = @"C:\Tools\none.txt" }));
        Refused(@"File not found: C:\Tools\gone.dll", await builder.AddApplicationAsync(App("a", @"C:\Tools\start.bat") with { AbsoluteManifestPath = @"C:\Tools\broken.txt" }));
        Assert.Empty((await builder.ListApplicationsAsync()).Applications!);

        Succeeds(await builder.AddApplicationAsync(App("a", @"c:\tools\START.BAT") with
        {
            WorkingDirectory = @"C:\Tools\", AbsoluteIconPath = @"C:\Tools\icon.png", AbsoluteManifestPath = @"C:\Tools\manifest.txt",
        }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tname")]
    public async Task Application_names_have_no_whitespace(string name)
    {
        var builder = await RunningBuilderAsync();
        Refused("Invalid value (name)", await builder.AddApplicationAsync(App(name)));
        Succeeds(await builder.AddApplicationAsync(App(new string('n', 256))));
        Refused("Invalid value (name)", await builder.AddApplicationAsync(App(new string('n', 257))));
    }

    [Fact]
    public async Task Image_Assistant_answers_255_unless_the_builder_is_RUNNING()
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("ib");
        await fixture.CreateBuilderAsync(account, name);
        var builder = fixture.Builder(account, name);
        foreach (var result in new[]
        {
            await builder.AddApplicationAsync(App("notepad")),
            await builder.ListApplicationsAsync(),
            await builder.RemoveApplicationAsync("notepad"),
            await builder.UpdateDefaultProfileAsync(null),
            await builder.ResetUserProfileAsync(null),
            await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = "x" }),
        })
        {
            Assert.Equal(255, result.Status);
            Assert.Contains("PENDING", result.Message);
        }

        var missing = await fixture.Builder(account, "no-such-builder").ListApplicationsAsync();
        Assert.Equal(255, missing.Status);
    }

    [Fact]
    public async Task The_default_profile_is_copied_from_a_local_user_by_default_the_Template_User()
    {
        var builder = await RunningBuilderAsync();
        Succeeds(await builder.UpdateDefaultProfileAsync(null));
        Assert.Equal(@".\Template User", (await builder.GetContentsAsync()).DefaultProfileCopiedFrom);
        Succeeds(await builder.UpdateDefaultProfileAsync(@".\Administrator"));
        Assert.Equal(@".\Administrator", (await builder.GetContentsAsync()).DefaultProfileCopiedFrom);
        Refused(@"Unable to copy file or folder: C:\Users\nobody. The system cannot find the path specified.", await builder.UpdateDefaultProfileAsync(@".\nobody"));
        Refused("Invalid value (profile)", await builder.UpdateDefaultProfileAsync("Administrator"));
        Refused("Cannot copy a domain user when not joined to a domain", await builder.UpdateDefaultProfileAsync(@"CORP\alice"));
    }

    [Fact]
    public async Task Domain_users_profiles_are_there_on_a_builder_joined_to_their_domain()
    {
        var builder = await RunningBuilderAsync(domain: new DomainJoinInfo { DirectoryName = "corp.example.com" });
        Succeeds(await builder.UpdateDefaultProfileAsync(@"CORP\alice"));
        Succeeds(await builder.UpdateDefaultProfileAsync(@"corp.example.com\bob"));
        Refused(@"Unable to copy file or folder: C:\Users\carol. The system cannot find the path specified.", await builder.UpdateDefaultProfileAsync(@"OTHER\carol"));
        Succeeds(await builder.ResetUserProfileAsync(@"CORP\alice"));
    }

    [Fact]
    public async Task Resetting_a_user_profile_deletes_it()
    {
        var builder = await RunningBuilderAsync();
        Succeeds(await builder.ResetUserProfileAsync(@".\Test User"));
        Assert.DoesNotContain(@".\Test User", (await builder.GetContentsAsync()).UserProfiles);
        Refused(@"Unable to copy file or folder: C:\Users\Test User. The system cannot find the path specified.", await builder.UpdateDefaultProfileAsync(@".\Test User"));
        Refused(@"Unable to copy file or folder: C:\Users\Test User. The system cannot find the path specified.", await builder.ResetUserProfileAsync(@".\Test User"));
        Succeeds(await builder.ResetUserProfileAsync(null));
        Assert.Equal([@".\Administrator"], (await builder.GetContentsAsync()).UserProfiles);
    }

    [Fact]
    public async Task Profiles_are_not_supported_on_Linux_builders()
    {
        var builder = await RunningBuilderAsync(image: "AppStream-AmazonLinux2-09-21-2023");
        Assert.Equal(255, (await builder.UpdateDefaultProfileAsync(null)).Status);
        Assert.Equal(255, (await builder.ResetUserProfileAsync(null)).Status);
        Succeeds(await builder.AddApplicationAsync(App("gedit", "/usr/bin/gedit")));
        Refused("File not found (absolute-app-path)", await builder.AddApplicationAsync(App("other", "/usr/bin/GEDIT")));
    }

    [Fact]
    public async Task Creating_an_image_snapshots_the_builder_and_makes_a_PENDING_then_AVAILABLE_image()
    {
        var account = TestAccounts.NewAccount();
        var builder = await RunningBuilderAsync(account);
        var builderName = (await builder.DescribeAsync()).Name;
        Succeeds(await builder.AddApplicationAsync(App("notepad")));
        var name = TestAccounts.NewName("img");
        var timings = await fixture.TimingsAsync();

        Succeeds(await builder.CreateImageAsync(new ImageAssistantCreateImage
        {
            Name = name, Description = "made by Image Assistant", DisplayName = "Made", EnableDynamicAppCatalog = true, Tags = ["team", "blue", "env", ""],
        }));
        Assert.Equal(ImageBuilderState.Snapshotting, (await builder.DescribeAsync()).State);
        var pending = await fixture.DescribeAsync(account, Region, account, name);
        Assert.Equal(ImageState.Pending, pending.State);
        Assert.Equal(VisibilityType.Private, pending.Visibility);
        Assert.Equal(builderName, pending.ImageBuilderName);
        Assert.Equal(PlatformType.WindowsServer2019, pending.Platform);
        Assert.Equal("made by Image Assistant", pending.Description);
        Assert.Equal("Made", pending.DisplayName);
        Assert.Equal("ENABLED", pending.DynamicAppProvidersEnabled);
        Assert.Equal("10-08-2024", pending.AppstreamAgentVersion);
        Assert.Equal($"arn:aws:appstream:{Region}::image/{ImageSetup.BaseImage}", pending.BaseImageArn);
        Assert.Equal(Notepad, Assert.Single(pending.Applications!).LaunchPath);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "blue", ["env"] = "" }, await fixture.Grains.GetImage(Region, account, name).ListTagsAsync(account));

        await fixture.AdvanceAsync(timings.ImageBuilderSnapshot);
        Assert.Equal(ImageBuilderState.Stopped, (await builder.DescribeAsync()).State);
        await fixture.AdvanceAsync(timings.ImageCreation - timings.ImageBuilderSnapshot);
        Assert.Equal(ImageState.Available, (await fixture.DescribeAsync(account, Region, account, name)).State);
    }

    [Fact]
    public async Task A_dry_run_only_validates()
    {
        var account = TestAccounts.NewAccount();
        var builder = await RunningBuilderAsync(account);
        var name = TestAccounts.NewName("img");
        Succeeds(await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = name, DryRun = true }));
        Assert.Equal(ImageBuilderState.Running, (await builder.DescribeAsync()).State);
        Assert.Empty((await fixture.Grains.GetGrain<Accounts.IAccountGrain>(account).GetImageRegistryAsync(Region)).Private);
        Refused("Invalid value (name)", await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = "aws-image", DryRun = true }));
    }

    [Theory]
    [InlineData("aws-image")]
    [InlineData("AWSimage")]
    [InlineData("AppStream-mine")]
    [InlineData("amazonian")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("_leading")]
    [InlineData("")]
    public async Task Image_names_follow_Image_Assistants_rules(string name)
    {
        var builder = await RunningBuilderAsync();
        Refused("Invalid value (name)", await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = name }));
        Refused("Invalid value (name)", await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = new string('n', 101) }));
        Refused("Invalid value (name)", await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = null }));
        Assert.Equal(ImageBuilderState.Running, (await builder.DescribeAsync()).State);
    }

    [Fact]
    public async Task A_name_of_exactly_100_characters_is_taken()
    {
        var builder = await RunningBuilderAsync();
        Succeeds(await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = "n" + Guid.NewGuid().ToString("N") + new string('n', 67), DryRun = true }));
    }

    [Fact]
    public async Task An_image_name_is_unique_in_the_account_and_region()
    {
        var account = TestAccounts.NewAccount();
        var existing = await fixture.NewAvailableImageAsync(account);
        var builder = await RunningBuilderAsync(account);
        Refused("An image with the given name already exists", await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = existing, DryRun = true }));
        Refused("An image with the given name already exists", await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = existing }));
        Assert.Equal(ImageBuilderState.Running, (await builder.DescribeAsync()).State);
    }

    public static TheoryData<string[]> BadTags() => new()
    {
        new[] { "lonely" },
        new[] { "a", "1", "b" },
        new[] { "aws:reserved", "x" },
        new[] { "same", "1", "same", "2" },
        new[] { "", "empty-key" },
        new[] { "k", new string('v', 257) },
        Enumerable.Range(0, 51).SelectMany(i => new[] { $"k{i}", "v" }).ToArray(),
    };

    [Theory]
    [MemberData(nameof(BadTags))]
    public async Task Bad_tags_are_an_invalid_value(string[] tags)
    {
        var builder = await RunningBuilderAsync();
        Refused("Invalid value (tags)", await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = TestAccounts.NewName("img"), Tags = tags }));
    }

    [Fact]
    public async Task Descriptions_and_display_names_have_a_length_limit()
    {
        var builder = await RunningBuilderAsync();
        Refused("Invalid value (description)", await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = TestAccounts.NewName("img"), Description = new string('d', 257) }));
        Refused("Invalid value (display-name)", await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = TestAccounts.NewName("img"), DisplayName = new string('d', 101) }));
    }
}
