using System.CommandLine;
using System.CommandLine.Invocation;
using RegionSim.ImageBuilders;

namespace RegionSim.Client.ImageAssistant;

/// <summary>
/// <c>regionsim image-assistant --account A --region R --image-builder B &lt;operation&gt; [options]</c>: the Image
/// Assistant CLI operations AWS documents, run on a builder of a running silo. Each prints
/// <c>{"status": N, "message": "..."}</c> and exits with N (0, 1 or 255). The rules live in the builder grain.
/// </summary>
public static class ImageAssistantCommand
{
    public static Command Create()
    {
        var options = new ImageAssistantOptions();
        var command = new Command("image-assistant", "Image Assistant CLI operations on an image builder (as image-assistant.exe on the builder)");
        options.AddTo(command);
        command.Action = new ImageAssistantAction(options, (_, _) => Task.FromResult(ImageAssistantResult.Error("No operation given. Run help for the list of operations.")), _ => "No operation given. Run help for the list of operations.");

        var operations = new[]
        {
            AddApplication(options),
            RemoveApplication(options),
            ListApplications(options),
            UpdateDefaultProfile(options),
            ResetUserProfile(options),
            CreateImage(options),
        };
        command.Subcommands.Add(Help(operations));
        foreach (var operation in operations)
        {
            command.Subcommands.Add(operation);
        }

        return command;
    }

    private static Command Help(IReadOnlyList<Command> operations)
    {
        var help = new Command("help", "Lists the Image Assistant operations with their description and usage.");
        help.SetAction(async (result, _) =>
        {
            var output = result.InvocationConfiguration.Output;
            await output.WriteLineAsync("Image Assistant operations (run '<operation> --help' for one of them):");
            foreach (var operation in operations)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync($"{operation.Name}: {operation.Description}");
                var usage = operation.Options
                    .Where(option => !option.Recursive && option is not System.CommandLine.Help.HelpOption)
                    .Select(option => option.Required ? $"{option.Name} <value>" : option is Option<bool> ? $"[{option.Name}]" : $"[{option.Name} <value>]");
                await output.WriteLineAsync($"  {operation.Name} {string.Join(" ", usage)}".TrimEnd());
            }

            return 0;
        });
        return help;
    }

    private static Command AddApplication(ImageAssistantOptions options)
    {
        var name = Text("--name", "A unique name for the application: at most 256 characters, no whitespace; at most 50 applications", required: true);
        var appPath = Text("--absolute-app-path", "The absolute path of the executable, batch file or script", required: true);
        var displayName = Text("--display-name", "The name to show in the application catalogue; derived from the file name when absent");
        var iconPath = Text("--absolute-icon-path", "The absolute path of a .jpg, .png or .bmp icon");
        var workingDirectory = Text("--working-directory", "The initial working directory of the application");
        var launchParameters = Text("--launch-parameters", "The launch parameters (\"\"-escaped)");
        var manifestPath = Text("--absolute-manifest-path", "A text file listing, one a line, the files to optimize before the instance is available");
        return Operation("add-application", "Adds an application to the application catalogue users see.", options,
            [name, appPath, displayName, iconPath, workingDirectory, launchParameters, manifestPath],
            (result, builder) => builder.AddApplicationAsync(new ApplicationConfig
            {
                Name = result.GetValue(name)!,
                AbsoluteAppPath = result.GetValue(appPath)!,
                DisplayName = result.GetValue(displayName),
                AbsoluteIconPath = result.GetValue(iconPath),
                WorkingDirectory = result.GetValue(workingDirectory),
                LaunchParameters = result.GetValue(launchParameters),
                AbsoluteManifestPath = result.GetValue(manifestPath),
            }));
    }

    private static Command RemoveApplication(ImageAssistantOptions options)
    {
        var name = Text("--name", "The name of the application to remove", required: true);
        return Operation("remove-application", "Removes an application from the catalogue; it stays installed.", options, [name],
            (result, builder) => builder.RemoveApplicationAsync(result.GetValue(name)));
    }

    private static Command ListApplications(ImageAssistantOptions options) =>
        Operation("list-applications", "Lists the applications in the catalogue.", options, [],
            (_, builder) => builder.ListApplicationsAsync());

    private static Command UpdateDefaultProfile(ImageAssistantOptions options)
    {
        var profile = Text("--profile", "The user whose Windows profile becomes the default, as \"<domain>\\<username>\" (\".\" for a local user); the Template User when absent");
        return Operation("update-default-profile", "Copies a Windows user's profile to the Windows default user profile (not on Linux).", options, [profile],
            (result, builder) => builder.UpdateDefaultProfileAsync(result.GetValue(profile)));
    }

    private static Command ResetUserProfile(ImageAssistantOptions options)
    {
        var profile = Text("--profile", "The user whose Windows profile is deleted, as \"<domain>\\<username>\"");
        return Operation("reset-user-profile", "Deletes the Windows user profile of a user (not on Linux).", options, [profile],
            (result, builder) => builder.ResetUserProfileAsync(result.GetValue(profile)));
    }

    private static Command CreateImage(ImageAssistantOptions options)
    {
        var name = Text("--name", "The image name: unique in the account and Region, at most 100 characters of a-z A-Z 0-9 _ - ., not starting with aws, appstream or amazon", required: true);
        var description = Text("--description", "The description to display (at most 256 characters)");
        var displayName = Text("--display-name", "The name to display");
        var dynamicCatalog = Flag("--enable-dynamic-app-catalog", "Enable the dynamic application framework");
        var noDynamicCatalog = Flag("--no-enable-dynamic-app-catalog", "Do not enable the dynamic application framework (the default)");
        var latestAgent = Flag("--use-latest-agent-version", "Always use the latest agent version");
        var pinnedAgent = Flag("--no-use-latest-agent-version", "Pin the image to the agent installed now (the default)");
        var tags = new Option<string[]>("--tags") { Description = "Tags as key value pairs: --tags \"mykey\" \"myval\" \"mykey2\" \"myval2\"", AllowMultipleArgumentsPerToken = true };
        var dryRun = Flag("--dry-run", "Validate without creating the image");
        return Operation("create-image", "Starts the image creation workflow: an image for fleets.", options,
            [name, description, displayName, dynamicCatalog, noDynamicCatalog, latestAgent, pinnedAgent, tags, dryRun],
            (result, builder) => builder.CreateImageAsync(new ImageAssistantCreateImage
            {
                Name = result.GetValue(name),
                Description = result.GetValue(description),
                DisplayName = result.GetValue(displayName),
                EnableDynamicAppCatalog = result.GetValue(dynamicCatalog),
                UseLatestAgentVersion = result.GetValue(latestAgent),
                Tags = result.GetResult(tags) is null ? null : result.GetValue(tags),
                DryRun = result.GetValue(dryRun),
            }),
            result => (result.GetValue(dynamicCatalog) && result.GetValue(noDynamicCatalog)) || (result.GetValue(latestAgent) && result.GetValue(pinnedAgent))
                ? "--enable-dynamic-app-catalog and --use-latest-agent-version can't be given together with their --no- forms."
                : null);
    }

    private static Command Operation(
        string name, string description, ImageAssistantOptions options, IReadOnlyList<Option> operationOptions,
        Func<ParseResult, IImageBuilderGrain, Task<ImageAssistantResult>> call, Func<ParseResult, string?>? check = null)
    {
        var command = new Command(name, description);
        foreach (var option in operationOptions)
        {
            command.Options.Add(option);
        }

        command.Action = new ImageAssistantAction(options, call, result =>
        {
            var missing = operationOptions.FirstOrDefault(option => option.Required && result.GetResult(option) is null);
            return missing is not null ? $"Option '{missing.Name}' is required." : check?.Invoke(result);
        });
        return command;
    }

    private static Option<string> Text(string name, string description, bool required = false) =>
        new(name) { Description = description, Required = required };

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };
}
