namespace RegionSim.Images;

/// <summary>
/// Windows Defender as a base image ships it: absent on Windows Server 2012 R2, on for 2016/2019 images
/// published 2019-06-24, off on those published 2019-09-10 and later.
/// </summary>
[GenerateSerializer]
public enum WindowsDefenderDefault
{
    NotIncluded,
    Enabled,
    Disabled,
}
