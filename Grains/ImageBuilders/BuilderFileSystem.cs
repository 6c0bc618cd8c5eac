using RegionSim.Images;

namespace RegionSim.ImageBuilders;

/// <summary>
/// The files on an image builder, as far as Image Assistant looks at them: what the operating system ships,
/// plus what was installed. Windows paths (<c>C:\...</c>) compare without case; Linux paths (<c>/...</c>) with it.
/// </summary>
public sealed class BuilderFileSystem(PlatformType platform, IReadOnlyDictionary<string, string> installed)
{
    private static readonly string[] WindowsFiles =
    [
        @"C:\Windows\explorer.exe",
        @"C:\Windows\System32\notepad.exe",
        @"C:\Windows\System32\cmd.exe",
        @"C:\Windows\System32\mspaint.exe",
        @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
        @"C:\Program Files\Internet Explorer\iexplore.exe",
    ];

    private static readonly string[] LinuxFiles = ["/bin/bash", "/usr/bin/gedit", "/usr/bin/xterm", "/usr/bin/firefox"];

    public bool IsWindows { get; } = IsWindowsPlatform(platform);

    private StringComparison Comparison => IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private char Separator => IsWindows ? '\\' : '/';

    public static bool IsWindowsPlatform(PlatformType platform) =>
        platform is not (PlatformType.AmazonLinux2 or PlatformType.Rhel8 or PlatformType.RockyLinux8 or PlatformType.UbuntuPro2404);

    /// <summary>An absolute path on this platform: <c>C:\...</c> or <c>\\server\share\...</c> on Windows, <c>/...</c> on Linux.</summary>
    public bool IsAbsolute(string? path) =>
        !string.IsNullOrWhiteSpace(path) && (IsWindows
            ? (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '\\') || path.StartsWith(@"\\", StringComparison.Ordinal)
            : path[0] == '/');

    public bool FileExists(string? path) => IsAbsolute(path) && Files.Any(file => string.Equals(file, path, Comparison));

    /// <summary>A directory exists when it is a drive root or holds a file.</summary>
    public bool DirectoryExists(string? path)
    {
        if (!IsAbsolute(path))
        {
            return false;
        }

        var directory = path!.TrimEnd(Separator);
        if (directory.Length == 0 || (IsWindows && directory.Length == 2 && directory[1] == ':'))
        {
            return true;
        }

        return Files.Any(file => file.StartsWith(directory + Separator, Comparison));
    }

    /// <summary>The content of a file (installed files have one; the operating system's are empty).</summary>
    public string? ReadFile(string path) =>
        installed.FirstOrDefault(entry => string.Equals(entry.Key, path, Comparison)).Value ?? (FileExists(path) ? "" : null);

    public static string Extension(string path)
    {
        var name = path[(path.LastIndexOfAny(['\\', '/']) + 1)..];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[dot..].ToLowerInvariant();
    }

    /// <summary>The file name without its extension, as a display name: spaces become underscores.</summary>
    public static string DisplayNameOf(string path)
    {
        var name = path[(path.LastIndexOfAny(['\\', '/']) + 1)..];
        var dot = name.LastIndexOf('.');
        return (dot <= 0 ? name : name[..dot]).Replace(' ', '_');
    }

    private IEnumerable<string> Files => (IsWindows ? WindowsFiles : LinuxFiles).Concat(installed.Keys);
}
