namespace RegionSim.ImageBuilders;

/// <summary>
/// Windows Defender on a builder: whether the OS includes it, the
/// <c>HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\DisableAntiSpyware</c> policy value and whether the
/// Windows Defender Antivirus Service runs. It protects only with the policy at 0 and the service running.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.WindowsDefender")]
public sealed record WindowsDefender
{
    [Id(0)] public bool Included { get; init; }

    /// <summary>The DisableAntiSpyware DWORD: 1 disables Defender, 0 lets it run; null when Defender is not included.</summary>
    [Id(1)] public int? DisableAntiSpyware { get; init; }

    [Id(2)] public bool ServiceRunning { get; init; }

    public bool Enabled => Included && DisableAntiSpyware == 0 && ServiceRunning;
}
