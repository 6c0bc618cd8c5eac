using System.Runtime.InteropServices;

namespace RegionSim.Client.Cluster;

/// <summary>POSIX signals .NET has no call for: a polite SIGTERM, so that a silo leaves its cluster cleanly.</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    public static bool Terminate(int processId) => Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
