using System.Diagnostics;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Resources;

using RegionSim.Client.Cluster;

namespace RegionSim.Client.Bench;

/// <summary>
/// One image shared with many accounts, each running fleets on it; the owner turns allowFleet off for every
/// account at once. Measures the wall time from the UpdateImagePermissions calls until every fleet shows
/// desired capacity 0 (the fan-out image → account → fleets).
/// </summary>
public sealed class RevocationBenchmark(EmbeddedSilo silo, string region, int accounts, int fleetsPerAccount)
{
    private const string BaseImage = "AppStream-WinServer2019-10-08-2024";
    private const string InstanceType = "stream.standard.small";

    /// <summary>One run: fresh owner, image, accounts and fleets; answers the two times measured.</summary>
    public async Task<RevocationRun> RunAsync(int run)
    {
        var grains = silo.Grains;
        var owner = AccountId(run, 0);
        var recipients = Enumerable.Range(1, accounts).Select(index => AccountId(run, index)).ToList();
        var imageName = $"bench-image-{run}";
        var image = grains.GetImage(region, owner, imageName);
        var content = await grains.GetImage(ResourceKey.Public(region, BaseImage)).GetContentAsync(owner);
        await image.CreateAsync(new NewImage { Content = content, DisplayName = imageName });
        var timings = await silo.Clock.GetTimingsAsync();
        await silo.Clock.AdvanceByAsync(timings.ImageCreation);
        foreach (var recipient in recipients)
        {
            await image.UpdatePermissionsAsync(owner, Permissions(imageName, recipient, allowFleet: true));
        }

        var imageArn = new ResourceKey(region, owner, imageName).Arn(ResourceKind.Image);
        var fleets = recipients.SelectMany(recipient => Enumerable.Range(0, fleetsPerAccount).Select(index => (Account: recipient, Name: $"fleet-{index:000}"))).ToList();
        await Task.WhenAll(recipients.Select(async recipient =>
        {
            foreach (var (_, name) in fleets.Where(fleet => fleet.Account == recipient))
            {
                var fleet = grains.GetFleet(region, recipient, name);
                await fleet.CreateAsync(new CreateFleetRequest
                {
                    Name = name, ImageArn = imageArn, InstanceType = InstanceType, FleetType = FleetType.AlwaysOn,
                    ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 },
                });
                await fleet.StartAsync();
            }
        }));
        await silo.Clock.AdvanceByAsync(timings.FleetStart > timings.FleetInstanceProvisioning ? timings.FleetStart : timings.FleetInstanceProvisioning);
        var ready = await DesiredAsync(fleets);
        if (ready.Any(desired => desired != 1))
        {
            throw new InvalidOperationException($"Run {run}: {ready.Count(d => d != 1)} fleets did not start with desired capacity 1.");
        }

        // The setup's garbage is not the revocation's: collect it before the measured window.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var collections = GC.CollectionCount(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(recipients.Select(recipient => image.UpdatePermissionsAsync(owner, Permissions(imageName, recipient, allowFleet: false))));
        var callsReturned = watch.Elapsed;
        var polls = 0;
        while ((await DesiredAsync(fleets)).Any(desired => desired != 0))
        {
            polls++;
        }

        var elapsed = watch.Elapsed;
        return new RevocationRun(run, fleets.Count, callsReturned, elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.CollectionCount(0) - collections, polls);
    }

    private async Task<int[]> DesiredAsync(IReadOnlyList<(string Account, string Name)> fleets) =>
        await Task.WhenAll(fleets.Select(async fleet =>
            (await silo.Grains.GetFleet(region, fleet.Account, fleet.Name).DescribeAsync()).ComputeCapacityStatus.Desired));

    private static UpdateImagePermissionsRequest Permissions(string image, string recipient, bool allowFleet) => new()
    {
        Name = image, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowFleet = allowFleet, AllowImageBuilder = true },
    };

    private static string AccountId(int run, int index) => $"9{run:00}{index:000000000}";
}

/// <summary>What one run measured: until the permission calls returned, and until every fleet showed desired 0.</summary>
/// <remarks>The process's CPU time over the same window shows how much of it was work (on 2 cores, wall time is at least half of it) rather than waiting for a busy machine.</remarks>
public sealed record RevocationRun(int Run, int Fleets, TimeSpan CallsReturned, TimeSpan AllFleetsAtZero, TimeSpan CpuTime, int Collections, int ExtraPolls);
