using System.Text.Json;
using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Values;
using RegionSim.ImageBuilders;
using RegionSim.Wire;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// What an administrator connected to an image builder does by hand (simulator-level; AppStream has no API
/// for it): Windows Update on or off and installing updates, antivirus, the DisableAntiSpyware registry value,
/// starting the Windows Defender service, installing files, rebooting — or just looking. The step names its
/// builder with <c>builder:</c>; its result is what the builder holds afterwards, with any <c>Warnings</c>.
/// </summary>
public sealed class BuilderStep(Template builder, Func<IImageBuilderGrain, IValueScope, Task<IReadOnlyList<string>>> act) : IStepAction
{
    public const string DefenderService = "Windows Defender Antivirus Service";

    public static ValueShape Contents { get; } =
        new StructureShape("builder contents", [("Warnings", ValueShape.ListOf(ValueShape.String))], TypeShape.Of<ImageBuilderContents>());

    /// <summary>The actions, by key, with what each takes.</summary>
    public static IReadOnlyDictionary<string, string> Usage { get; } = new Dictionary<string, string>
    {
        ["windows-update"] = "on | off",
        ["install-windows-updates"] = "(nothing)",
        ["install-antivirus"] = "{name: ..., automaticUpdates: true | false}",
        ["registry"] = "{DisableAntiSpyware: 0 | 1}",
        ["start-service"] = DefenderService,
        ["install-files"] = "{'C:\\path\\file.exe': content, ...}",
        ["reboot"] = "(nothing)",
        ["contents"] = "(nothing)",
    };

    private static readonly StructureShape AntivirusShape = new("install-antivirus", [("name", ValueShape.String), ("automaticUpdates", ValueShape.Boolean)], required: ["name"]);
    private static readonly StructureShape RegistryShape = new("registry", [("DisableAntiSpyware", ValueShape.Integer)], required: ["DisableAntiSpyware"]);

    public ValueShape ResultShape => Contents;

    public static BuilderStep? Compile(StepSource source)
    {
        Template? builder = null;
        if (source.Modifier("builder") is { } builderNode)
        {
            builder = source.Scalar(builderNode, "builder");
        }
        else
        {
            source.Problem(source.ActionKey, $"{source.Action} is done on an image builder: add builder: <name> to the step.");
        }

        Func<IImageBuilderGrain, IValueScope, Task<IReadOnlyList<string>>>? act = source.Action switch
        {
            "windows-update" => WindowsUpdate(source),
            "install-windows-updates" => Nothing(source, grain => grain.InstallWindowsUpdatesAsync()),
            "install-antivirus" => Antivirus(source),
            "registry" => Registry(source),
            "start-service" => StartService(source),
            "install-files" => InstallFiles(source),
            "reboot" => Nothing(source, grain => grain.RebootAsync()),
            "contents" => Nothing(source, _ => Task.CompletedTask),
            _ => null,
        };
        return builder is null || act is null ? null : new BuilderStep(builder, act);
    }

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var grain = context.Grains.GetImageBuilder(step.Region, step.Account!, Template.TextOf(builder.Resolve(context.Resolve)));
        var warnings = await act(grain, context);
        var contents = JsonSerializer.SerializeToNode(await grain.GetContentsAsync(), AppStreamJson.Options)!.AsObject();
        if (warnings.Count > 0)
        {
            contents["Warnings"] = new JsonArray(warnings.Select(w => (JsonNode)JsonValue.Create(w)).ToArray());
        }

        var defender = contents["WindowsDefender"]?["Enabled"]?.GetValue<bool>() == true ? "on" : "off";
        var update = contents["WindowsUpdateEnabled"]?.GetValue<bool>() == true ? "on" : "off";
        return StepResult.Of(contents, $"Windows Update {update}, Windows Defender {defender}{(warnings.Count > 0 ? $", {warnings.Count} warning(s)" : "")}");
    }

    private static Func<IImageBuilderGrain, IValueScope, Task<IReadOnlyList<string>>>? Nothing(StepSource source, Func<IImageBuilderGrain, Task> act)
    {
        if (source.Argument is not YamlScalarNode scalar || !YamlJson.IsNull(scalar))
        {
            source.Problem(source.Argument, $"{source.Action} takes nothing: write it as '{source.Action}:' alone.");
            return null;
        }

        return async (grain, _) =>
        {
            await act(grain);
            return [];
        };
    }

    private static Func<IImageBuilderGrain, IValueScope, Task<IReadOnlyList<string>>>? WindowsUpdate(StepSource source)
    {
        var value = source.Argument is YamlScalarNode scalar ? scalar.Value?.ToLowerInvariant() : null;
        bool? enabled = value switch { "on" or "true" => true, "off" or "false" => false, _ => null };
        if (enabled is null)
        {
            source.Problem(source.Argument, "windows-update: on or off.");
            return null;
        }

        return async (grain, _) =>
        {
            await grain.SetWindowsUpdateAsync(enabled.Value);
            return [];
        };
    }

    private static Func<IImageBuilderGrain, IValueScope, Task<IReadOnlyList<string>>> Antivirus(StepSource source)
    {
        var arguments = source.Arguments(AntivirusShape, "name");
        return (grain, scope) =>
        {
            var values = arguments.Resolve(scope);
            return grain.InstallAntivirusAsync(new Antivirus
            {
                Name = values["name"]!.GetValue<string>(),
                AutomaticUpdates = values["automaticUpdates"]?.GetValue<bool>() ?? false,
            });
        };
    }

    private static Func<IImageBuilderGrain, IValueScope, Task<IReadOnlyList<string>>> Registry(StepSource source)
    {
        var arguments = source.Arguments(RegistryShape);
        return async (grain, scope) =>
        {
            await grain.SetDisableAntiSpywareAsync((int)arguments.Resolve(scope)["DisableAntiSpyware"]!.GetValue<long>());
            return [];
        };
    }

    private static Func<IImageBuilderGrain, IValueScope, Task<IReadOnlyList<string>>>? StartService(StepSource source)
    {
        var service = source.Argument is YamlScalarNode scalar ? scalar.Value : null;
        if (service is not (DefenderService or "WinDefend"))
        {
            source.Problem(source.Argument, $"start-service: the simulated builder has one service to start: {DefenderService} (WinDefend).");
            return null;
        }

        return async (grain, _) =>
        {
            await grain.StartWindowsDefenderServiceAsync();
            return [];
        };
    }

    private static Func<IImageBuilderGrain, IValueScope, Task<IReadOnlyList<string>>>? InstallFiles(StepSource source)
    {
        if (source.Argument is not YamlMappingNode files || files.Children.Count == 0)
        {
            source.Problem(source.Argument, "install-files: a mapping of absolute paths to their content, e.g. {'C:\\Program Files\\App\\app.exe': v2}.");
            return null;
        }

        var arguments = source.Arguments(new StructureShape("install-files", files.Children.Keys.OfType<YamlScalarNode>().Select(k => (k.Value!, ValueShape.String)).ToArray()));
        return async (grain, scope) =>
        {
            var values = arguments.Resolve(scope);
            await grain.InstallFilesAsync(values.ToDictionary(file => file.Key, file => Template.TextOf(file.Value)));
            return [];
        };
    }
}
