using RegionSim.Images;

namespace RegionSim.Regions;

/// <summary>
/// The public base images AWS publishes in every AppStream region, named as the base image version
/// history names them.
/// </summary>
public static class BaseImageCatalog
{
    public static IReadOnlyList<BaseImage> Images { get; } =
    [
        Published("Base-Image-Builder-05-02-2017", PlatformType.Windows, "2017-05-02", "Windows Server 2012 R2, the first AppStream 2.0 base image"),
        Published("Base-Image-Builder-07-24-2017", PlatformType.Windows, "2017-07-24", "Windows Server 2012 R2"),
        Published("AppStream-WinServer2012R2-07-16-2018", PlatformType.Windows, "2018-07-16", "Windows Server 2012 R2"),
        Published("AppStream-WinServer2012R2-06-24-2019", PlatformType.Windows, "2019-06-24", "Windows Server 2012 R2"),
        Published("AppStream-WinServer2016-06-24-2019", PlatformType.WindowsServer2016, "2019-06-24", "Windows Server 2016"),
        Published("AppStream-WinServer2019-06-24-2019", PlatformType.WindowsServer2019, "2019-06-24", "Windows Server 2019"),
        Published("AppStream-WinServer2012R2-09-10-2019", PlatformType.Windows, "2019-09-10", "Windows Server 2012 R2"),
        Published("AppStream-WinServer2016-09-10-2019", PlatformType.WindowsServer2016, "2019-09-10", "Windows Server 2016"),
        Published("AppStream-WinServer2019-09-10-2019", PlatformType.WindowsServer2019, "2019-09-10", "Windows Server 2019"),
        Published("AppStream-WinServer2016-06-12-2023", PlatformType.WindowsServer2016, "2023-06-12", "Windows Server 2016"),
        Published("AppStream-WinServer2019-06-12-2023", PlatformType.WindowsServer2019, "2023-06-12", "Windows Server 2019"),
        Published("AppStream-WinServer2022-06-12-2023", PlatformType.WindowsServer2022, "2023-06-12", "Windows Server 2022"),
        Published("AppStream-WinServer2019-10-08-2024", PlatformType.WindowsServer2019, "2024-10-08", "Windows Server 2019"),
        Published("AppStream-WinServer2022-10-08-2024", PlatformType.WindowsServer2022, "2024-10-08", "Windows Server 2022"),
        Published("AppStream-AmazonLinux2-02-18-2022", PlatformType.AmazonLinux2, "2022-02-18", "Amazon Linux 2"),
        Published("AppStream-AmazonLinux2-09-21-2023", PlatformType.AmazonLinux2, "2023-09-21", "Amazon Linux 2"),
    ];

    private static readonly Dictionary<string, BaseImage> ByName = Images.ToDictionary(i => i.Name, StringComparer.Ordinal);

    public static BaseImage? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// Windows Defender as the AWS page gives it: no antivirus on Windows Server 2012 R2 (nor Linux);
    /// on by default on 2016 and 2019 images published 2019-06-24; off on those published 2019-09-10 and later.
    /// </summary>
    public static WindowsDefenderDefault DefenderDefault(PlatformType platform, DateOnly publishedOn) => platform switch
    {
        PlatformType.WindowsServer2016 or PlatformType.WindowsServer2019 or PlatformType.WindowsServer2022 or PlatformType.WindowsServer2025
            => publishedOn < new DateOnly(2019, 9, 10) ? WindowsDefenderDefault.Enabled : WindowsDefenderDefault.Disabled,
        _ => WindowsDefenderDefault.NotIncluded,
    };

    private static BaseImage Published(string name, PlatformType platform, string publishedOn, string os)
    {
        var date = DateOnly.Parse(publishedOn, System.Globalization.CultureInfo.InvariantCulture);
        return new BaseImage
        {
            Name = name,
            Platform = platform,
            PublishedOn = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            AgentVersion = date.ToString("MM-dd-yyyy", System.Globalization.CultureInfo.InvariantCulture),
            WindowsDefender = DefenderDefault(platform, date),
            Description = $"{os} base image with the AppStream 2.0 agent, published {publishedOn}",
            DisplayName = name,
        };
    }
}
