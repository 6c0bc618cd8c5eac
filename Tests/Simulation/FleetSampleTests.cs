using RegionSim.Simulation;

namespace RegionSim.Tests.Simulation;

/// <summary>A fleet's sample after a step, as quiet steps repeat it and as failures print it.</summary>
public sealed class FleetSampleTests
{
    [Fact]
    public void A_sample_prints_its_counts()
    {
        var sample = new FleetSample { Desired = 4, Running = 3, InUse = 2, Available = 1, Sessions = 2, Attempts = 5, Refused = 1 };

        Assert.Equal("FleetSample { Desired = 4, Running = 3, InUse = 2, Available = 1, Pending = 0, Sessions = 2, Attempts = 5, Started = 0, Ended = 0, Refused = 1 }", sample.ToString());
        Assert.Equal(sample with { Attempts = 0, Refused = 0 }, sample.Quiet());
    }
}
