using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;

namespace RegionSim.Tests.Fleets;

/// <summary>A fleet's engine driven directly, without a grain: a RUNNING ALWAYS_ON fleet and connections to it.</summary>
internal static class RunningFleets
{
    /// <summary>A RUNNING ALWAYS_ON fleet made at <paramref name="at"/>, with <paramref name="desired"/> available instances.</summary>
    public static FleetEngine AlwaysOn(DateTimeOffset at, int desired, LaunchAgent? image = null)
    {
        var engine = new FleetEngine(new FleetGrainState(), new ResourceKey("us-east-1", "111111111111", "fleet"), at);
        engine.Create(new FleetSettings { InstanceType = "stream.standard.medium", FleetType = FleetType.AlwaysOn, ImageArn = "arn:image", ImageAgent = image }, desired, null);
        engine.Start();
        Provide(engine);
        engine.AdvanceTo(engine.Now + engine.Timings.FleetStart);
        return engine;
    }

    /// <summary>The region grants every slot the fleet asks for, and the instances finish provisioning.</summary>
    public static void Provide(FleetEngine engine)
    {
        var asked = engine.SlotsToLease;
        engine.SlotsGranted(asked, asked);
        engine.AdvanceTo(engine.Now + engine.Timings.FleetInstanceProvisioning);
    }

    /// <summary>A new session for <paramref name="user"/> from <paramref name="stack"/>; fails when no instance is available.</summary>
    public static StreamingSessionState Connect(FleetEngine engine, string stack, string user) =>
        engine.StartSession(Request(stack, user), new SessionSetup { Associated = true }) ?? throw new InvalidOperationException($"No instance for {user}.");

    public static StreamingConnectRequest Request(string stack, string user) => new()
    {
        Region = "us-east-1", AccountId = "111111111111", StackName = stack, FleetName = "fleet", UserId = user, Expires = DateTimeOffset.MaxValue,
    };
}
