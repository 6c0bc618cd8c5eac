using RegionSim.Client.Scripts;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Scripts;

/// <summary>
/// Every script in <c>scenarios/scripts/</c> (each replays a procedure of the AWS page on administering images)
/// runs on an embedded silo of its own, as <c>regionsim run</c> runs it by default, and passes.
/// </summary>
public sealed class ScenarioScriptTests
{
    private static readonly string[] Files = Directory.GetFiles(ScriptFiles.Folder, "*.yaml").Select(path => Path.GetFileName(path)).Order().ToArray();

    public static TheoryData<string> Scripts { get; } = new(Files);

    [Fact]
    public void The_folder_holds_the_scripts_of_every_procedure()
    {
        string[] procedures =
        [
            "delete-private-image.yaml", "copy-image-to-another-region.yaml", "share-image-with-another-account.yaml",
            "update-image-permissions.yaml", "stop-sharing.yaml", "revoke-image-builder-permission.yaml",
            "keep-image-up-to-date.yaml", "windows-update-and-antivirus.yaml", "create-image-programmatically.yaml",
        ];
        Assert.Subset(Files.ToHashSet(), procedures.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_passes_on_an_embedded_silo(string file)
    {
        var script = ScriptCompiler.Load(Path.Combine(ScriptFiles.Folder, file));
        await using var silo = await ScriptTarget.EmbeddedAsync(script.Start, CancellationToken.None);
        var report = await new ScriptRunner(silo).RunAsync(script);
        Assert.True(report.Passed, report.FirstFailure is { } failed
            ? $"{file}: step {failed.Step.Number} (line {failed.Step.Line}: {failed.Step.Title}) failed: {failed.Failure}"
            : file);
        Assert.Equal(script.Steps.Count, report.Steps.Count);
    }
}

/// <summary>Where the repository's scripts are: <c>scenarios/scripts/</c> beside <c>RegionSim.sln</c>.</summary>
public static class ScriptFiles
{
    public static string Folder { get; } = RepositoryFiles.PathOf("scenarios", "scripts");
}
