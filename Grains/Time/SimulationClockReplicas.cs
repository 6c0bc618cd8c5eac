using Microsoft.Extensions.Logging;
using Orleans.Runtime.Services;
using RegionSim.Errors;

namespace RegionSim.Time;

/// <summary>The simulated clocks of every active silo of the cluster, this one included.</summary>
public sealed class SimulationClockReplicas(
    IServiceProvider services,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    SimulationClock localClock,
    ILogger<SimulationClockReplicas> logger) : GrainServiceClient<ISimulationClockReplica>(services)
{
    // A silo that has just died must not hold the clock up; membership declares it dead within seconds.
    private static readonly TimeSpan RemoteMoveTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Moves every silo's clock to <paramref name="now"/>; this silo's at once, the others' by a call.</summary>
    public async Task MoveAllAsync(DateTimeOffset now, SimulationTimings timings)
    {
        localClock.MoveTo(now);
        localClock.Timings = timings;
        var others = OtherActiveSilos();
        if (others.Count > 0)
        {
            await Task.WhenAll(others.Select(silo => MoveAsync(silo, now, timings)));
        }
    }

    /// <summary>Each active silo and the time its clock shows.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadAllAsync()
    {
        var others = OtherActiveSilos();
        var times = await Task.WhenAll(others.Select(async silo => (silo, now: await GetGrainService(silo).GetNowAsync())));
        return times.ToDictionary(t => t.silo.ToString(), t => t.now)
            .Append(new(localSilo.SiloAddress.ToString(), localClock.GetUtcNow()))
            .ToDictionary();
    }

    private List<SiloAddress> OtherActiveSilos() =>
        membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active && !member.SiloAddress.Equals(localSilo.SiloAddress))
            .Select(member => member.SiloAddress)
            .ToList();

    private async Task MoveAsync(SiloAddress silo, DateTimeOffset now, SimulationTimings timings)
    {
        try
        {
            await GetGrainService(silo).MoveToAsync(now, timings).WaitAsync(RemoteMoveTimeout);
        }
        catch (Exception error) when (UndeliveredCall.Is(error))
        {
            logger.LogWarning("Silo {Silo} did not take the clock move to {Now}: {Error}", silo, now, error.Message);
        }
    }
}
