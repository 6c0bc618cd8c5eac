using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;

namespace RegionSim.Tests.Fleets;

/// <summary>
/// Which agent a fleet instance runs: decided when it is launched, from the image's choice. Driven on the
/// fleet's engine directly, at a simulated date between two agent releases (05-27-2020 and 07-30-2020).
/// </summary>
public sealed class InstanceAgentTests
{
    private const string Carried = "05-27-2020";
    private const string Released = "07-30-2020";
    private static readonly DateTimeOffset BeforeRelease = new(2020, 7, 29, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterRelease = new(2020, 7, 30, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, "05-27-2020")]
    [InlineData(true, "07-30-2020")]
    public void The_agent_is_the_carried_one_or_for_an_always_latest_image_the_newest_released_at_launch(bool alwaysLatest, string expected)
    {
        var image = new LaunchAgent { Carried = Carried, AlwaysLatest = alwaysLatest };
        Assert.Equal(Carried, AgentReleaseCatalog.AtLaunch(image, BeforeRelease));
        Assert.Equal(expected, AgentReleaseCatalog.AtLaunch(image, AfterRelease));
    }

    [Fact]
    public void An_image_carrying_an_agent_newer_than_any_released_by_then_keeps_it()
    {
        Assert.Equal(Released, AgentReleaseCatalog.AtLaunch(new LaunchAgent { Carried = Released, AlwaysLatest = true }, BeforeRelease));
    }

    [Theory]
    [InlineData(false, "05-27-2020")]
    [InlineData(true, "07-30-2020")]
    public void An_instance_keeps_the_agent_it_launched_on_and_a_later_one_runs_the_agent_of_its_own_launch(bool alwaysLatest, string later)
    {
        var engine = RunningFleet(new LaunchAgent { Carried = Carried, AlwaysLatest = alwaysLatest });
        Assert.Equal([Carried], Agents(engine));

        // A release comes out; the fleet grows and launches a second instance after it.
        engine.AdvanceTo(AfterRelease);
        engine.SetDesired(2);
        RunningFleets.Provide(engine);
        Assert.Equal([Carried, later], Agents(engine).Order(StringComparer.Ordinal));

        // The first user gets the instance longest available, launched before the release.
        Assert.Equal(Carried, Connect(engine, "first").StartedFrom.AgentVersion);
        Assert.Equal(later, Connect(engine, "second").StartedFrom.AgentVersion);
        Assert.Equal(later, engine.Details(engine.State.SessionsInProgress.Single(s => s.UserId == "second").Id)!.StartedFrom.AgentVersion);
    }

    [Fact]
    public void A_fleet_moved_to_another_image_launches_its_instances_on_that_images_agent()
    {
        var engine = RunningFleet(new LaunchAgent { Carried = Carried });
        engine.ChangeImage(engine.State.Settings! with { ImageAgent = new LaunchAgent { Carried = "04-20-2020" } });
        RunningFleets.Provide(engine);
        Assert.Equal(["04-20-2020"], Agents(engine));
    }

    [Fact]
    public void ELASTIC_fleet_instances_run_the_newest_agent()
    {
        var engine = new FleetEngine(new FleetGrainState(), new ResourceKey("us-east-1", "111111111111", "elastic"), AfterRelease);
        engine.Create(new FleetSettings { InstanceType = "stream.standard.medium", FleetType = FleetType.Elastic, MaxConcurrentSessions = 5 }, 0, null);
        engine.Start();
        engine.AdvanceTo(AfterRelease + engine.Timings.FleetStart);
        Assert.Equal(Released, engine.StartElasticSession(RunningFleets.Request("stack", "user"), new SessionSetup { Associated = true }).StartedFrom.AgentVersion);
    }

    /// <summary>A RUNNING ALWAYS_ON fleet of one available instance, launched before the release.</summary>
    private static FleetEngine RunningFleet(LaunchAgent image) => RunningFleets.AlwaysOn(BeforeRelease, desired: 1, image);

    private static IEnumerable<string> Agents(FleetEngine engine) => engine.State.CurrentInstances.Select(instance => instance.AgentVersion).ToArray();

    private static StreamingSessionState Connect(FleetEngine engine, string user) => RunningFleets.Connect(engine, "stack", user);
}
