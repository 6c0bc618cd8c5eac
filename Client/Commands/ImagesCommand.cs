using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Accounts;
using RegionSim.Client.Cluster;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Validation;
using Spectre.Console;

namespace RegionSim.Client.Commands;

/// <summary><c>regionsim images</c>: the Image Registry of an account in a region, in its four views.</summary>
public static class ImagesCommand
{
    public static Command Create()
    {
        var account = new Option<string>("--account") { Description = "The 12-digit account whose registry to show", Required = true };
        var region = new Option<string>("--region") { Description = "The AWS Region", Required = true };
        var connection = new ClusterConnection();
        var command = new Command("images", "Show the Image Registry (Public, Private, Shared with others, Shared with me) of an account in a region")
        {
            account,
            region,
        };
        connection.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var accountId = Check.AccountId(result.GetValue(account), "--account");
                var regionCode = Check.Region(result.GetValue(region), "--region");
                using var host = await connection.ConnectAsync(result, cancellationToken);
                var grains = host.Services.GetRequiredService<IGrainFactory>();
                Show(await grains.GetGrain<IAccountGrain>(accountId).GetImageRegistryAsync(regionCode));
                return 0;
            }
            catch (AppStreamException error)
            {
                await Console.Error.WriteLineAsync($"regionsim images: {error.WireType}: {error.Message}");
                return 1;
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync($"regionsim images: {error.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void Show(ImageRegistry registry)
    {
        foreach (var (title, images) in new[]
        {
            ("Public", registry.Public), ("Private", registry.Private),
            ("Shared with others", registry.SharedWithOthers), ("Shared with me", registry.SharedWithMe),
        })
        {
            var table = new Table().Title($"{title} ({images.Count})").AddColumns("Name", "State", "Platform", "Created", "Permissions");
            foreach (var image in images)
            {
                table.AddRow(
                    Markup.Escape(image.Name),
                    image.State?.ToString() ?? "",
                    image.Platform?.ToString() ?? "",
                    image.CreatedTime?.ToString("u") ?? "",
                    image.ImagePermissions?.ToString() ?? "");
            }

            AnsiConsole.Write(table);
        }
    }
}
