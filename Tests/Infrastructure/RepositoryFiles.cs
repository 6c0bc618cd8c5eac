namespace RegionSim.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from: found above the test binaries, beside <c>RegionSim.sln</c>.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RegionSim.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No RegionSim.sln above {AppContext.BaseDirectory}: the tests run outside the repository.");
    }
}
