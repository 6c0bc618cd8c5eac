using System.CommandLine;
using RegionSim.Client.Cluster;
using RegionSim.Client.Scripts;
using RegionSim.Client.Text;
using Spectre.Console;

namespace RegionSim.Client.Commands;

/// <summary>
/// <c>regionsim run &lt;script.yaml&gt; [--json] [--cluster]</c>: runs a scripted client scenario on an embedded silo
/// with the manual clock, or on a running silo or cluster. Exit codes: 0 every step passed, 1 a step failed,
/// 2 the script is wrong (nothing ran), 3 no silo to run it on.
/// </summary>
public static class RunCommand
{
    public const int Passed = 0;
    public const int StepFailed = 1;
    public const int ScriptWrong = 2;
    public const int NoSilo = 3;

    public static Command Create()
    {
        var script = new Argument<FileInfo>("script") { Description = "The script (YAML): defaults, then steps; see scenarios/scripts/" };
        var json = new Option<bool>("--json") { Description = "Print the run as JSON (every step's result) instead of a table" };
        var cluster = new Option<bool>("--cluster")
        {
            Description = "Run on a running silo or cluster (started with --clock manual) instead of an embedded silo; reach it with --gateway or --redis",
        };
        var connectTimeout = new Option<string>("--connect-timeout")
        {
            Description = "How long to wait for the cluster to answer (a duration: 10s, 1m)",
            DefaultValueFactory = _ => "10s",
        };
        var connection = new ClusterConnection();
        var command = new Command("run", "Run a scripted client scenario: AppStream operations as given accounts, users' actions, the clock, with expectations")
        {
            script,
            json,
            cluster,
            connectTimeout,
        };
        connection.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var asJson = result.GetValue(json);
            var console = ConsoleOver(output);
            var file = result.GetValue(script)!;

            Script loaded;
            try
            {
                loaded = ScriptCompiler.Load(file.ToString());
            }
            catch (ScriptProblems problems)
            {
                Write(asJson, output, console, () => ScriptOutput.Json(file.ToString(), problems.Problems), _ => ScriptOutput.WriteProblems(output, file.ToString(), problems.Problems));
                return ScriptWrong;
            }
            catch (FileNotFoundException missing)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"regionsim run: {missing.Message}");
                return ScriptWrong;
            }

            if (!SimDuration.TryParse(result.GetValue(connectTimeout), out var timeout) || timeout <= TimeSpan.Zero)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"regionsim run: --connect-timeout must be a positive duration (10s, 1m), not '{result.GetValue(connectTimeout)}'.");
                return ScriptWrong;
            }

            var onCluster = result.GetValue(cluster) || result.GetResult(connection.Redis) is { Implicit: false } || result.GetResult(connection.Gateway) is { Implicit: false };
            var where = result.GetValue(connection.Redis) ?? result.GetValue(connection.Gateway);
            ScriptTarget target;
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connecting.CancelAfter(timeout);
            try
            {
                target = onCluster
                    ? ScriptTarget.Cluster(await connection.ConnectAsync(result, connecting.Token), $"the cluster at {where}")
                    : await ScriptTarget.EmbeddedAsync(loaded.Start, cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"regionsim run: no RegionSim silo answered at {where} within {SimDuration.Format(timeout)}.");
                return NoSilo;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"regionsim run: no silo to run the script on: {error.Message}");
                return NoSilo;
            }

            await using (target)
            {
                var report = await new ScriptRunner(target).RunAsync(loaded, cancellationToken);
                Write(asJson, output, console, () => ScriptOutput.Json(report), c => ScriptOutput.WriteTable(c, report));
                return report.Passed ? Passed : StepFailed;
            }
        });
        return command;
    }

    private static void Write(bool asJson, TextWriter output, IAnsiConsole console, Func<string> json, Action<IAnsiConsole> table)
    {
        if (asJson)
        {
            output.WriteLine(json());
        }
        else
        {
            table(console);
        }
    }

    /// <summary>Spectre.Console over the command's output; plain and wide when it is not a terminal.</summary>
    private static IAnsiConsole ConsoleOver(TextWriter output)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
