using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Tests.ImageBuilders;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.ImageAssistant;

/// <summary>The <c>regionsim image-assistant</c> command as a user runs it: exactly the JSON AWS documents on standard output, and its exit code.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ImageAssistantCliTests(ClusterFixture fixture)
{
    private const string Region = ImageBuilderSetup.Region;
    private const string Success = """{"status": 0, "message": "Success"}""";
    private const string Notepad = @"C:\Windows\System32\notepad.exe";

    private async Task<(string Account, string Builder, ImageAssistantCli Cli)> RunningBuilderAsync(string image = ImageSetup.BaseImage)
    {
        var account = TestAccounts.NewAccount();
        var builder = await fixture.NewRunningBuilderAsync(account, image);
        return (account, builder, new ImageAssistantCli(fixture, account, Region, builder));
    }

    private static void Prints(string json, int exitCode, ImageAssistantCli.Run run)
    {
        Assert.Equal(json + Environment.NewLine, run.Output);
        Assert.Equal(exitCode, run.ExitCode);
    }

    [Fact]
    public async Task Building_an_image_from_the_command_line()
    {
        var (account, builder, cli) = await RunningBuilderAsync();
        Prints(Success, 0, await cli.RunAsync("add-application", "--name", "notepad", "--absolute-app-path", Notepad, "--display-name", "Notepad"));
        Prints(Success, 0, await cli.RunAsync("add-application", "--name", "cmd", "--absolute-app-path", @"C:\Windows\System32\cmd.exe",
            "--working-directory", @"C:\Windows", "--launch-parameters", "/k \"echo hi\""));
        Prints("""{"status": 0, "message": "Success", "applications": [{"Name": "notepad", "DisplayName": "Notepad", "AbsoluteAppPath": "C:\\Windows\\System32\\notepad.exe"}, {"Name": "cmd", "DisplayName": "cmd", "AbsoluteAppPath": "C:\\Windows\\System32\\cmd.exe", "WorkingDirectory": "C:\\Windows", "LaunchParameters": "/k \"echo hi\""}]}""",
            0, await cli.RunAsync("list-applications"));
        Prints(Success, 0, await cli.RunAsync("remove-application", "--name", "cmd"));
        Prints(Success, 0, await cli.RunAsync("update-default-profile"));

        var image = TestAccounts.NewName("img");
        Prints(Success, 0, await cli.RunAsync("create-image", "--name", image, "--dry-run"));
        Prints(Success, 0, await cli.RunAsync("create-image", "--name", image, "--description", "from the CLI", "--display-name", "CLI image",
            "--enable-dynamic-app-catalog", "--use-latest-agent-version", "--tags", "team", "blue", "env", "test"));

        Assert.Equal(ImageBuilderState.Snapshotting, (await fixture.Builder(account, builder).DescribeAsync()).State);
        await fixture.SettleAsync();
        var made = await fixture.DescribeAsync(account, Region, account, image);
        Assert.Equal(ImageState.Available, made.State);
        Assert.Equal(builder, made.ImageBuilderName);
        Assert.Equal("ENABLED", made.DynamicAppProvidersEnabled);
        Assert.Equal("notepad", Assert.Single(made.Applications!).Name);
        Assert.True((await fixture.Grains.GetImage(Region, account, image).GetContentAsync(account)).AlwaysLatestAgent);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "blue", ["env"] = "test" }, await fixture.Grains.GetImage(Region, account, image).ListTagsAsync(account));
    }

    [Fact]
    public async Task Documented_refusals_print_status_1_with_AWSs_message()
    {
        var (account, builder, cli) = await RunningBuilderAsync();
        Prints(Success, 0, await cli.RunAsync("add-application", "--name", "notepad", "--absolute-app-path", Notepad));
        Prints("""{"status": 1, "message": "Name is not unique"}""", 1, await cli.RunAsync("add-application", "--name", "notepad", "--absolute-app-path", Notepad));
        Prints("""{"status": 1, "message": "File not found (absolute-app-path)"}""", 1, await cli.RunAsync("add-application", "--name", "x", "--absolute-app-path", @"C:\nope.exe"));
        await fixture.Builder(account, builder).InstallFilesAsync(new Dictionary<string, string> { [@"C:\Tools\run.ps1"] = "" });
        Prints("""{"status": 1, "message": "Unsupported file extension"}""", 1, await cli.RunAsync("add-application", "--name", "x", "--absolute-app-path", @"C:\Tools\run.ps1"));
        Prints("""{"status": 1, "message": "Directory not found (working-directory)"}""", 1,
            await cli.RunAsync("add-application", "--name", "x", "--absolute-app-path", Notepad, "--working-directory", @"D:\work"));
        Prints("""{"status": 1, "message": "Optimization-manifest not found: C:\\m.txt"}""", 1,
            await cli.RunAsync("add-application", "--name", "x", "--absolute-app-path", Notepad, "--absolute-manifest-path", @"C:\m.txt"));
        Prints("""{"status": 1, "message": "App not found"}""", 1, await cli.RunAsync("remove-application", "--name", "paint"));
        Prints("""{"status": 1, "message": "Cannot copy a domain user when not joined to a domain"}""", 1, await cli.RunAsync("update-default-profile", "--profile", @"CORP\alice"));
        Prints("""{"status": 1, "message": "Unable to copy file or folder: C:\\Users\\ghost. The system cannot find the path specified."}""", 1,
            await cli.RunAsync("reset-user-profile", "--profile", @".\ghost"));
        Prints(Success, 0, await cli.RunAsync("reset-user-profile", "--profile", @".\Test User"));

        var existing = await fixture.NewAvailableImageAsync(account);
        Prints("""{"status": 1, "message": "An image with the given name already exists"}""", 1, await cli.RunAsync("create-image", "--name", existing));
        Prints("""{"status": 1, "message": "Invalid value (tags)"}""", 1, await cli.RunAsync("create-image", "--name", TestAccounts.NewName("img"), "--tags", "odd"));
        Prints("""{"status": 1, "message": "Invalid value (tags)"}""", 1, await cli.RunAsync("create-image", "--name", TestAccounts.NewName("img"), "--tags", "aws:owner", "me"));
        Prints("""{"status": 1, "message": "Invalid value (name)"}""", 1, await cli.RunAsync("create-image", "--name", "Amazon-thing"));
        Assert.Equal(ImageBuilderState.Running, (await fixture.Builder(account, builder).DescribeAsync()).State);
    }

    [Fact]
    public async Task The_fifty_first_application_is_refused()
    {
        var (account, builder, cli) = await RunningBuilderAsync();
        for (var i = 0; i < 50; i++)
        {
            await fixture.Builder(account, builder).AddApplicationAsync(new ApplicationConfig { Name = $"app{i}", AbsoluteAppPath = Notepad });
        }

        Prints("""{"status": 1, "message": "Unable to add more than 50 apps to the catalog."}""", 1,
            await cli.RunAsync("add-application", "--name", "one-more", "--absolute-app-path", Notepad));
    }

    [Fact]
    public async Task Warnings_go_to_standard_error_and_the_answer_stays_exact()
    {
        var (account, builder, cli) = await RunningBuilderAsync();
        await fixture.Builder(account, builder).SetWindowsUpdateAsync(true);
        var run = await cli.RunAsync("create-image", "--name", TestAccounts.NewName("img"));
        Prints(Success, 0, run);
        Assert.Contains("Windows Update", run.Error);
    }

    [Fact]
    public async Task A_builder_that_is_not_RUNNING_answers_255()
    {
        var account = TestAccounts.NewAccount();
        var builder = TestAccounts.NewName("ib");
        await fixture.CreateBuilderAsync(account, builder);
        var run = await new ImageAssistantCli(fixture, account, Region, builder).RunAsync("list-applications");
        Assert.Equal(255, run.ExitCode);
        Assert.StartsWith("""{"status": 255, "message": "Image builder """, run.Output);
        Assert.Contains("PENDING", run.Output);

        var missing = await new ImageAssistantCli(fixture, account, Region, "no-such-builder").RunAsync("list-applications");
        Assert.Equal(255, missing.ExitCode);
    }

    public static TheoryData<string[], string> BadInput() => new()
    {
        { ["add-application", "--name", "x"], "Option '--absolute-app-path' is required." },
        { ["add-application", "--absolute-app-path", Notepad], "Option '--name' is required." },
        { ["add-application", "--name", "x", "--absolute-app-path", Notepad, "--colour", "red"], "Unrecognized arguments: --colour red." },
        { ["add-application", "--name"], "Required argument missing for option: '--name'." },
        { ["remove-application"], "Option '--name' is required." },
        { ["remove-application", "--name", "a", "b"], "Unrecognized arguments: b." },
        { ["list-applications", "--all"], "Unrecognized arguments: --all." },
        { ["update-default-profile", "--profile"], "Required argument missing for option: '--profile'." },
        { ["update-default-profile", "alice"], "Unrecognized arguments: alice." },
        { ["reset-user-profile", "--force"], "Unrecognized arguments: --force." },
        { ["create-image"], "Option '--name' is required." },
        { ["create-image", "--name", "img", "--use-latest-agent-version", "--no-use-latest-agent-version"], "can't be given together" },
        { ["create-image", "--name", "img", "--enable-dynamic-app-catalog", "--no-enable-dynamic-app-catalog"], "can't be given together" },
        { ["create-image", "--name", "img", "--dry-run", "yes-please"], "yes-please" },
        { ["launch-rocket"], "Unrecognized arguments: launch-rocket." },
        { [], "No operation given." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_prints_255_in_JSON_for_every_operation(string[] operation, string message)
    {
        var run = await new ImageAssistantCli(fixture, TestAccounts.NewAccount(), Region, "any-builder").RunAsync(operation);
        Assert.Equal(255, run.ExitCode);
        Assert.StartsWith("""{"status": 255, "message": """, run.Output);
        Assert.Contains(message, run.Output);
        Assert.Single(run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--account", "12345", "--account")]
    [InlineData("--region", "moon-1", "--region")]
    [InlineData("--image-builder", "bad name", "--image-builder")]
    public async Task Bad_builder_options_are_refused_before_connecting(string option, string value, string named)
    {
        var args = new Dictionary<string, string> { ["--account"] = "111111111111", ["--region"] = Region, ["--image-builder"] = "ib", [option] = value };
        var run = await ImageAssistantCli.RunRawAsync(
        [
            "image-assistant", "--account", args["--account"], "--region", args["--region"], "--image-builder", args["--image-builder"],
            "--gateway", "127.0.0.1:1", "list-applications",
        ]);
        Assert.Equal(255, run.ExitCode);
        Assert.Contains(named, run.Output);
    }

    [Fact]
    public async Task No_silo_at_the_gateway_is_an_unexpected_error()
    {
        var run = await ImageAssistantCli.RunRawAsync("image-assistant", "--account", "111111111111", "--region", Region, "--image-builder", "ib",
            "--gateway", "127.0.0.1:1", "list-applications");
        Assert.Equal(255, run.ExitCode);
        Assert.StartsWith("""{"status": 255, "message": "No RegionSim silo answered at 127.0.0.1:1""", run.Output);
    }

    [Fact]
    public async Task Help_lists_every_operation_and_each_has_its_own_help()
    {
        var help = await ImageAssistantCli.RunRawAsync("image-assistant", "help");
        Assert.Equal(0, help.ExitCode);
        foreach (var operation in new[] { "add-application", "remove-application", "list-applications", "update-default-profile", "reset-user-profile", "create-image" })
        {
            Assert.Contains($"{operation}: ", help.Output);
            var own = await ImageAssistantCli.RunRawAsync("image-assistant", operation, "--help");
            Assert.Equal(0, own.ExitCode);
            Assert.Contains($"image-assistant {operation}", own.Output);
        }

        Assert.Contains("create-image --name <value> [--description <value>]", help.Output);
        Assert.Contains("--absolute-manifest-path", (await ImageAssistantCli.RunRawAsync("image-assistant", "add-application", "--help")).Output);
    }
}
