using RegionSim.Errors;
using RegionSim.Wire;

namespace RegionSim.ImageBuilders;

/// <summary>
/// What a person connected to the builder does by hand: installing software and Windows updates, switching
/// Windows Update, installing antivirus, and switching Windows Defender on by the AWS page's steps (the
/// DisableAntiSpyware policy from 1 to 0, then starting the service).
/// </summary>
public sealed partial class ImageBuilderGrain
{
    Task<ImageBuilderContents> IImageBuilderGrain.GetContentsAsync()
    {
        RequireExisting();
        return Task.FromResult(new ImageBuilderContents
        {
            Platform = Builder.Source!.Platform,
            AgentVersion = Builder.AgentVersion,
            Applications = Builder.Applications.ToList(),
            DefaultProfileCopiedFrom = Builder.DefaultProfileCopiedFrom,
            UserProfiles = Builder.LocalProfiles.Order(StringComparer.OrdinalIgnoreCase).ToList(),
            WindowsUpdateEnabled = Builder.WindowsUpdateEnabled,
            Antivirus = Builder.Antivirus,
            WindowsDefender = Builder.Defender,
            OperatingSystemUpdatedOn = Builder.OperatingSystemUpdatedOn,
            InstalledFiles = Builder.InstalledFiles.Keys.Order(StringComparer.Ordinal).ToList(),
        });
    }

    async Task IImageBuilderGrain.InstallFilesAsync(IReadOnlyDictionary<string, string> files)
    {
        RequireConnected();
        var fileSystem = Files;
        var relative = files.Keys.FirstOrDefault(path => !fileSystem.IsAbsolute(path));
        if (relative is not null)
        {
            throw AppStreamException.Invalid($"'{relative}' is not an absolute path on {WireNames.Of(Builder.Source!.Platform)} image builder {_key.Name}.");
        }

        foreach (var (path, content) in files)
        {
            Builder.InstalledFiles[path] = content ?? "";
        }

        await state.WriteStateAsync();
    }

    async Task IImageBuilderGrain.SetWindowsUpdateAsync(bool enabled)
    {
        RequireConnected();
        RequireWindows("Windows Update");
        Builder.WindowsUpdateEnabled = enabled;
        await state.WriteStateAsync();
    }

    async Task IImageBuilderGrain.InstallWindowsUpdatesAsync()
    {
        RequireConnected();
        RequireWindows("Windows Update");
        await EnterAsync(ImageBuilderState.Updating, clock.Timings.ImageBuilderWindowsUpdate, time.GetUtcNow());
    }

    async Task<IReadOnlyList<string>> IImageBuilderGrain.InstallAntivirusAsync(Antivirus antivirus)
    {
        RequireConnected();
        Builder.Antivirus = antivirus;
        await state.WriteStateAsync();
        return antivirus.AutomaticUpdates ? [Antivirus.AutomaticUpdatesWarning] : [];
    }

    async Task IImageBuilderGrain.SetDisableAntiSpywareAsync(int value)
    {
        RequireConnected();
        RequireDefender();
        if (value is not (0 or 1))
        {
            throw AppStreamException.Invalid($"DisableAntiSpyware is a DWORD of 0 (Windows Defender allowed) or 1 (disabled), not {value}.");
        }

        Builder.Defender = Builder.Defender with { DisableAntiSpyware = value };
        await state.WriteStateAsync();
    }

    async Task IImageBuilderGrain.StartWindowsDefenderServiceAsync()
    {
        RequireConnected();
        RequireDefender();
        if (Builder.Defender.DisableAntiSpyware != 0)
        {
            throw AppStreamException.NotPermitted(
                @"The Windows Defender Antivirus Service can't start while HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\DisableAntiSpyware is 1; set it to 0 first.");
        }

        Builder.Defender = Builder.Defender with { ServiceRunning = true };
        await state.WriteStateAsync();
    }

    async Task IImageBuilderGrain.RebootAsync()
    {
        RequireConnected();
        await EnterAsync(ImageBuilderState.Rebooting, clock.Timings.ImageBuilderReboot, time.GetUtcNow());
    }

    private void RequireConnected() => RequireState("connected to", ImageBuilderState.Running);

    private void RequireWindows(string feature)
    {
        if (!Files.IsWindows)
        {
            throw AppStreamException.NotPermitted($"Image builder {_key.Name} runs {WireNames.Of(Builder.Source!.Platform)}, which has no {feature}.");
        }
    }

    private void RequireDefender()
    {
        if (!Builder.Defender.Included)
        {
            throw AppStreamException.NotPermitted(
                $"Image builder {_key.Name} ({WireNames.Of(Builder.Source!.Platform)}) has no Windows Defender: Windows Server 2012 R2 base images include no antivirus software.");
        }
    }
}
