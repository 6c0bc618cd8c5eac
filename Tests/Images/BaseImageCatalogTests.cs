using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Images;

[Collection(ClusterCollection.Name)]
public sealed class BaseImageCatalogTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("AppStream-WinServer2012R2-06-24-2019", WindowsDefenderDefault.NotIncluded)]
    [InlineData("AppStream-WinServer2012R2-09-10-2019", WindowsDefenderDefault.NotIncluded)]
    [InlineData("AppStream-WinServer2016-06-24-2019", WindowsDefenderDefault.Enabled)]
    [InlineData("AppStream-WinServer2019-06-24-2019", WindowsDefenderDefault.Enabled)]
    [InlineData("AppStream-WinServer2016-09-10-2019", WindowsDefenderDefault.Disabled)]
    [InlineData("AppStream-WinServer2019-09-10-2019", WindowsDefenderDefault.Disabled)]
    [InlineData("AppStream-WinServer2019-10-08-2024", WindowsDefenderDefault.Disabled)]
    [InlineData("AppStream-AmazonLinux2-02-18-2022", WindowsDefenderDefault.NotIncluded)]
    public async Task Windows_Defender_ships_as_the_AWS_page_says(string name, WindowsDefenderDefault expected)
    {
        Assert.Equal(expected, BaseImageCatalog.Find(name)!.WindowsDefender);
        var content = await fixture.Grains.GetImage(ResourceKey.Public("eu-central-1", name)).GetContentAsync(TestAccounts.NewAccount());
        Assert.Equal(expected, content.WindowsDefender);
        Assert.False(content.WindowsUpdateEnabled);
    }

    [Theory]
    [InlineData(PlatformType.WindowsServer2016, 2019, 6, 24, WindowsDefenderDefault.Enabled)]
    [InlineData(PlatformType.WindowsServer2019, 2019, 9, 9, WindowsDefenderDefault.Enabled)]
    [InlineData(PlatformType.WindowsServer2019, 2019, 9, 10, WindowsDefenderDefault.Disabled)]
    [InlineData(PlatformType.WindowsServer2016, 2021, 1, 1, WindowsDefenderDefault.Disabled)]
    [InlineData(PlatformType.Windows, 2019, 6, 24, WindowsDefenderDefault.NotIncluded)]
    [InlineData(PlatformType.AmazonLinux2, 2023, 1, 1, WindowsDefenderDefault.NotIncluded)]
    public void The_Defender_rule_turns_on_the_publish_date_of_2019_09_10(PlatformType platform, int year, int month, int day, WindowsDefenderDefault expected) =>
        Assert.Equal(expected, BaseImageCatalog.DefenderDefault(platform, new DateOnly(year, month, day)));

    [Fact]
    public void Base_images_are_named_as_AWS_names_them()
    {
        var names = BaseImageCatalog.Images.Select(i => i.Name).ToList();
        Assert.Contains("AppStream-WinServer2019-06-24-2019", names);
        Assert.Contains("AppStream-AmazonLinux2-02-18-2022", names);
        Assert.Contains(names, n => n.StartsWith("AppStream-WinServer2012R2-", StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(BaseImageCatalog.Images, i => Assert.Matches(@"^\d{2}-\d{2}-\d{4}$", i.AgentVersion));
    }

    [Fact]
    public void The_AppStream_regions_are_all_known()
    {
        string[] required = ["us-east-1", "us-east-2", "us-west-2", "ca-central-1", "sa-east-1", "eu-west-1", "eu-west-2", "eu-central-1",
            "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "ap-south-1"];
        Assert.All(required, region => Assert.True(AwsRegions.IsKnown(region), region));
        Assert.False(AwsRegions.IsKnown("us-west-1"));
    }
}
