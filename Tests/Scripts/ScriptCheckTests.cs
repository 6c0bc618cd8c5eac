using RegionSim.Client.Scripts;

namespace RegionSim.Tests.Scripts;

/// <summary>A wrong script is refused before anything runs, every problem with file:line:column and what is wrong.</summary>
public sealed class ScriptCheckTests
{
    private const string File = "check.yaml";

    /// <summary>The problems of a script whose steps are <paramref name="steps"/> (written from line 4 on).</summary>
    private static IReadOnlyList<string> Problems(string steps)
    {
        var yaml = $"""
            account: "111111111111"
            accounts: {"{"}prod: "222222222222"{"}"}
            steps:
            {steps}
            """;
        var refused = Assert.Throws<ScriptProblems>(() => ScriptCompiler.Parse(yaml, File));
        return refused.Problems.Select(problem => problem.Message).ToArray();
    }

    private static void Refused(string steps, params string[] expected)
    {
        var problems = Problems(steps);
        Assert.True(expected.SequenceEqual(problems), $"Expected:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}{Environment.NewLine}Actual:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void A_good_script_compiles_into_its_steps()
    {
        var script = ScriptCompiler.Parse("""
            name: good
            account: prod
            accounts: {prod: "222222222222"}
            region: eu-west-1
            start: 2026-03-01T00:00:00Z
            timings: {imageCopy: 5m}
            steps:
              - step: First look
                DescribeImages: {Type: PRIVATE}
                save: mine
                count: {Images: 0}
              - advance: 1h
              - until: image x is AVAILABLE
                region: us-east-1
                within: 2h
            """, File);
        Assert.Equal("good", script.Name);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), script.Start);
        Assert.Equal(TimeSpan.FromMinutes(5), script.Timings!.ImageCopy);
        Assert.Collection(script.Steps,
            step => Assert.Equal(("First look", "DescribeImages", "222222222222", "eu-west-1", "mine", 8), (step.Title, step.Kind, step.Account, step.Region, step.Save, step.Line)),
            step => Assert.Equal(("advance 1h", null, 12), (step.Title, step.Account, step.Line)),
            step => Assert.Equal(("until image x is AVAILABLE", "us-east-1"), (step.Title, step.Region)));
    }

    [Fact]
    public void Bad_YAML_names_the_line_and_column()
    {
        var refused = Assert.Throws<ScriptProblems>(() => ScriptCompiler.Parse("steps:\n  - DescribeImages: {Type: PRIVATE\n", File));
        Assert.StartsWith("check.yaml:3:1: ", Assert.Single(refused.Problems).Message);
    }

    [Fact]
    public void Brackets_inside_braces_get_a_hint()
    {
        var refused = Assert.Throws<ScriptProblems>(() => ScriptCompiler.Parse("steps:\n  - DescribeImages: {}\n    expect: {Images[0].State: AVAILABLE}\n", File));
        Assert.Contains("write Images.0.State rather than Images[0].State", Assert.Single(refused.Problems).Message);
        var reference = Assert.Throws<ScriptProblems>(() => ScriptCompiler.Parse("steps:\n  - connect: {url: ${url.StreamingURL}}\n", File));
        Assert.Contains("quote \"${url.StreamingURL}\"", Assert.Single(reference.Problems).Message);
    }

    [Fact]
    public void Unknown_members_of_the_script_are_refused() =>
        Assert.StartsWith("check.yaml:1:1: Property 'stepz' not found",
            Assert.Single(Assert.Throws<ScriptProblems>(() => ScriptCompiler.Parse("stepz: []\n", File)).Problems).Message);

    [Fact]
    public void Unknown_steps_are_refused_with_what_is_meant() => Refused("""
          - copyimage: {}
          - frobnicate: 1
          - make_image: {}
        """,
        "check.yaml:4:5: 'copyimage' is not a step; did you mean the AppStream operation CopyImage? (operation names are case-sensitive)",
        $"check.yaml:5:5: 'frobnicate' is not a step: a step is an AppStream operation by its API name (CopyImage, DescribeFleets, ...) or one of {string.Join(", ", StepKinds.All.Keys)}.",
        "check.yaml:6:5: 'make_image' is not a step; did you mean make-image?");

    [Fact]
    public void Operations_RegionSim_does_not_serve_are_refused() => Assert.StartsWith(
        "check.yaml:4:5: DescribeUsers is an AppStream operation that RegionSim does not simulate; it serves ",
        Assert.Single(Problems("  - DescribeUsers: {AuthenticationType: API}")));

    [Fact]
    public void Unknown_and_missing_members_are_refused_by_the_model() => Refused("""
          - CopyImage: {SourceImageName: a, DestinationImageName: b, DestRegion: eu-west-1}
          - UpdateImagePermissions: {Name: a, SharedAccountId: "1", ImagePermissions: {AllowFleet: true, allowImageBuilder: true}}
        """,
        "check.yaml:4:62: CopyImageRequest has no member DestRegion; its members are SourceImageName, DestinationImageName, DestinationRegion, DestinationImageDescription.",
        "check.yaml:4:16: CopyImageRequest needs DestinationRegion (required).",
        "check.yaml:5:80: ImagePermissions has no member AllowFleet; did you mean allowFleet? (member names are case-sensitive)");

    [Fact]
    public void Values_of_the_wrong_shape_are_refused() => Refused("""
          - DescribeImages: {MaxResults: ten, Names: x}
          - UpdateImagePermissions: {Name: a, SharedAccountId: "1", ImagePermissions: {allowFleet: yes, allowImageBuilder: true}}
          - CreateFleet: {Name: f, InstanceType: stream.standard.small, ComputeCapacity: 2}
          - DescribeImages: [Type, PRIVATE]
        """,
        "check.yaml:4:34: MaxResults must be a whole number, not 'ten'.",
        "check.yaml:4:46: Names must be a list, not 'x'.",
        "check.yaml:5:92: ImagePermissions.allowFleet must be true or false, not 'yes'.",
        "check.yaml:6:82: ComputeCapacity must be a ComputeCapacity structure (a mapping), not '2'.",
        "check.yaml:7:21: DescribeImages takes its parameters as a mapping (DescribeImages: {Names: ..., Arns: ..., Type: ...}), or nothing.");

    [Fact]
    public void Unquoted_numbers_become_the_strings_the_model_wants()
    {
        var script = ScriptCompiler.Parse("""
            account: "111111111111"
            steps:
              - UpdateImagePermissions: {Name: 2026, SharedAccountId: 222222222222, ImagePermissions: {allowFleet: true, allowImageBuilder: false}}
            """, File);
        Assert.Single(script.Steps);
    }

    [Fact]
    public void Expectations_are_checked_against_the_result_shape() => Refused("""
          - DescribeImages: {}
            expect:
              Images[0].Stat: AVAILABLE
              Images[0].State: AVAILIBLE
              Images.0.ImagePermissions: {allowFleets: true}
            count:
              Images[0].Name: 1
          - DeleteImage: {Name: a}
            error: ResourceInUse
          - DeleteImage: {Name: a}
            error: ResourceInUseException
            expect: {Image.State: DELETING}
        """,
        "check.yaml:6:7: expect: Images[0] has no member Stat; its members are Name, Arn, BaseImageArn, DisplayName, State, Visibility, ImageBuilderSupported, ImageBuilderName, Platform, Description, StateChangeReason, Applications, CreatedTime, PublicBaseImageReleasedDate, AppstreamAgentVersion, ImagePermissions, ImageErrors, LatestAppstreamAgentVersion, SupportedInstanceFamilies, DynamicAppProvidersEnabled, ImageSharedWithOthers, ManagedSoftwareIncluded, ImageType.",
        "check.yaml:7:24: expect Images[0].State: AVAILIBLE is not a value it can have (PENDING, AVAILABLE, FAILED, COPYING, DELETING, CREATING, IMPORTING, VALIDATING).",
        "check.yaml:8:35: expect Images.0.ImagePermissions: Images.0.ImagePermissions has no member allowFleets; its members are allowFleet, allowImageBuilder.",
        "check.yaml:10:7: count: Images[0].Name is not a list in the result, so it has no count.",
        "check.yaml:12:12: error: ResourceInUse is not an AppStream error; did you mean ResourceInUseException?",
        "check.yaml:15:14: expect: The result (error) has no member Image; its members are __type, message.");

    [Fact]
    public void References_must_name_what_an_earlier_step_saved() => Refused("""
          - UpdateImagePermissions: {Name: "${later.Images[0].Name}", SharedAccountId: "${accounts.dev}", ImagePermissions: {allowFleet: true, allowImageBuilder: false}}
          - DescribeImages: {}
            save: later
          - CreateStreamingURL: {StackName: s, FleetName: f, UserId: u}
            save: url
          - connect: ${url.StreamingUrl}
            save: alice
          - DescribeImages: {Names: ["${later.Images[0].Name}"]}
            save: later
          - CopyImage: {SourceImageName: a, DestinationImageName: "${unclosed", DestinationRegion: eu-west-1}
        """,
        "check.yaml:4:36: Name: ${later.Images[0].Name}: no step before this one saves a result as later (save: later).",
        "check.yaml:4:80: SharedAccountId: ${accounts.dev}: name one of the script's accounts (accounts.prod).",
        "check.yaml:9:14: connect: ${url.StreamingUrl}: The result (CreateStreamingURLResult) has no member StreamingUrl; did you mean StreamingURL? (names are case-sensitive)",
        "check.yaml:12:11: save: an earlier step already saves a result as later; give this one another name.",
        "check.yaml:13:59: DestinationImageName: '${unclosed': a reference opened with ${ is not closed with }.");

    [Fact]
    public void A_step_that_can_not_be_read_is_the_only_one_blamed() => Refused("""
          - DescribeImage: {}
            save: images
          - DescribeImages: {Names: ["${images.Images[0].Name}"]}
        """,
        $"check.yaml:4:5: 'DescribeImage' is not a step: a step is an AppStream operation by its API name (CopyImage, DescribeFleets, ...) or one of {string.Join(", ", StepKinds.All.Keys)}.");

    [Fact]
    public void Clock_steps_need_durations_and_conditions_they_can_read() => Refused("""
          - advance: 2 hours
          - until: fleet f1 is running
          - until: image x is AVAILABLE
            within: forever
          - until: fleet f1 will start
          - until: session bob is EXPIRED
          - until: {DescribeFleets: {Names: [f1]}}
        """,
        "check.yaml:4:14: advance: '2 hours' is not a duration (write it like 90s, 25m, 1h30m or 2d).",
        "check.yaml:5:12: until: running is not a fleet state; the states are STARTING, RUNNING, STOPPING, STOPPED.",
        "check.yaml:7:13: within: 'forever' is not a duration (write it like 90s, 25m, 1h30m or 2d).",
        "check.yaml:8:12: until: 'fleet f1 will start' is not a condition; write e.g. fleet f1 is RUNNING, image app is AVAILABLE, image app is gone, builder ib1 is STOPPED, session alice is EXPIRED, fleet f1 has 2 available.",
        "check.yaml:9:12: until: no step before this one connects a session saved as bob.",
        "check.yaml:10:5: until DescribeFleets: say what to wait for with expect:, count: or error:.");

    [Fact]
    public void Steps_must_be_one_action_with_modifiers_they_take() => Refused("""
          - advance: 1h
            DescribeImages: {}
          - account: prod
          - DescribeImages: {}
            within: 1h
          - just a line
          - DescribeImages: {}
            account: "12345"
          - DescribeImages: {}
            region: mars-north-1
          - DescribeImages: {}
            save: 1st
        """,
        "check.yaml:4:5: one action per step; this one has advance and DescribeImages. Split it into steps.",
        "check.yaml:6:5: this step does nothing: give it one action (an AppStream operation such as DescribeImages, or advance, until, connect, image-assistant, ...).",
        "check.yaml:8:13: within: is not something DescribeImages takes (only until does).",
        "check.yaml:9:5: a step is a mapping, like '- DescribeImages: {Type: PRIVATE}' or '- advance: 2h', not 'just a line'.",
        "check.yaml:11:14: account: '12345' is neither a 12-digit account id nor one of the script's accounts (prod).",
        "check.yaml:13:13: region: mars-north-1 is not an AppStream Region (us-east-1, us-east-2, us-west-2, ca-central-1, sa-east-1, eu-west-1, eu-west-2, eu-west-3, eu-central-1, ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-2, ap-south-1).",
        "check.yaml:15:11: save: '1st' can't name a result: use letters, digits, - and _, starting with a letter (and not 'accounts').");

    [Fact]
    public void Image_Assistant_commands_are_read_as_the_CLI_reads_them() => Refused("""
          - image-assistant: add-application --name notepad
            builder: ib1
          - image-assistant: create-image --name x
          - image-assistant: help
            builder: ib1
          - image-assistant: list-applications --image-builder other
            builder: ib1
          - image-assistant: create-image --name x --use-latest-agent-version --no-use-latest-agent-version
            builder: ib1
        """,
        "check.yaml:4:22: image-assistant: Option '--absolute-app-path' is required.",
        "check.yaml:6:5: image-assistant runs on an image builder: add builder: <name> to the step.",
        "check.yaml:7:22: image-assistant: 'help' is not an Image Assistant operation; the operations are add-application, remove-application, list-applications, update-default-profile, reset-user-profile, create-image.",
        "check.yaml:9:22: image-assistant: --image-builder is not an option here: the script says which builder Image Assistant runs on.",
        "check.yaml:11:22: image-assistant: --enable-dynamic-app-catalog and --use-latest-agent-version can't be given together with their --no- forms.");

    [Fact]
    public void Users_and_builders_steps_check_their_arguments() => Refused("""
          - connect: https://example.com/x
          - disconnect: alice
          - change-settings: {session: alice, name: wallpaper}
          - windows-update: maybe
            builder: ib1
          - registry: {DisableAntiSpyware: 0}
          - start-service: Print Spooler
            builder: ib1
          - make-image: {name: x}
          - region-capacity: {instanceType: stream.standard.small, limit: lots}
        """,
        "check.yaml:4:5: connect: name the session with save: <name>, so that later steps can act in it.",
        "check.yaml:5:17: disconnect: no step before this one connects a session saved as alice (connect: <url> with save: alice).",
        "check.yaml:6:22: change-settings needs value (required).",
        "check.yaml:6:22: change-settings: no step before this one connects a session saved as alice (connect: <url> with save: alice).",
        "check.yaml:7:21: windows-update: on or off.",
        "check.yaml:9:5: registry is done on an image builder: add builder: <name> to the step.",
        "check.yaml:10:20: start-service: the simulated builder has one service to start: Windows Defender Antivirus Service (WinDefend).",
        "check.yaml:12:17: make-image needs from (required).",
        "check.yaml:13:67: region-capacity.limit must be a whole number, not 'lots'.");

    [Fact]
    public void Script_level_problems_are_located_too()
    {
        var refused = Assert.Throws<ScriptProblems>(() => ScriptCompiler.Parse("""
            account: someone
            region: moon-1
            timings: {imageCopy: soon, warpDrive: 1m}
            steps: []
            """, File));
        Assert.Equal(
        [
            "check.yaml:1:1: account: 'someone' is neither a 12-digit account id nor one of the script's accounts.",
            "check.yaml:1:1: region: moon-1 is not an AppStream Region (us-east-1, us-east-2, us-west-2, ca-central-1, sa-east-1, eu-west-1, eu-west-2, eu-west-3, eu-central-1, ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-2, ap-south-1).",
            "check.yaml:1:1: timings.imageCopy: 'soon' is not a duration (write it like 90s, 25m, 1h30m or 2d).",
            $"check.yaml:1:1: timings: warpDrive is not a simulated duration ({string.Join(", ", typeof(RegionSim.Time.SimulationTimings).GetProperties().Where(p => p.PropertyType == typeof(TimeSpan) && p.CanWrite).Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]))}).",
            "check.yaml:1:1: steps: the script has no steps.",
        ], refused.Problems.Select(p => p.Message));
    }
}
