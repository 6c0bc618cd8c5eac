using RegionSim.Images;
using RegionSim.Resources;

namespace RegionSim.Tests.Infrastructure;

public static class ImageSetup
{
    public const string Region = "us-east-1";
    public const string OtherRegion = "eu-west-1";
    public const string BaseImage = "AppStream-WinServer2019-10-08-2024";

    /// <summary>Makes a private image of <paramref name="account"/> and moves the clock until it is AVAILABLE.</summary>
    public static async Task<string> NewAvailableImageAsync(this ClusterFixture fixture, string account, string region = Region, string? name = null)
    {
        name = await fixture.NewPendingImageAsync(account, region, name);
        await fixture.AdvanceAsync((await fixture.Clock.GetTimingsAsync()).ImageCreation);
        return name;
    }

    /// <summary>Starts a private image of <paramref name="account"/> from a base image, with one application; it is PENDING.</summary>
    public static async Task<string> NewPendingImageAsync(this ClusterFixture fixture, string account, string region = Region, string? name = null)
    {
        name ??= TestAccounts.NewName();
        var content = await fixture.Grains.GetImage(ResourceKey.Public(region, BaseImage)).GetContentAsync(account);
        await fixture.Grains.GetImage(region, account, name).CreateAsync(new NewImage
        {
            Content = content with { Applications = [new Application { Name = "notepad", LaunchPath = @"C:\Windows\notepad.exe" }] },
            DisplayName = $"{name} display",
            Description = "made by a test",
            Tags = new Dictionary<string, string> { ["team"] = "tests" },
        });
        return name;
    }

    public static Task<Image> DescribeAsync(this ClusterFixture fixture, string viewer, string region, string owner, string name) =>
        fixture.Grains.GetImage(region, owner, name).DescribeAsync(viewer);
}
