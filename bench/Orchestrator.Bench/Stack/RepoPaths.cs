namespace Orchestrator.Bench.Stack;

/// <summary>
/// Where the benchmarks find the programs they start: the repository (found upwards from this assembly) and the outputs of
/// the same configuration, which building this project produces (it references them; see the .csproj).
/// </summary>
internal static class RepoPaths
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string Root { get; } = FindRoot();

    public static string SqsS3Emulator => Path.Combine(Root, "local", "emulators", "sqs-s3.mjs");

    public static string EmulatorInit => Path.Combine(Root, "local", "emulators", "init.json");

    public static string EmulatorNotifications => Path.Combine(Root, "local", "emulators", "notifications.json");

    public static string LocalAwsSeed => Path.Combine(Root, "local", "demo", "seed.json");

    public static string OrchestratorEnv => Path.Combine(Root, "local", "orchestrator.env");

    public static string LocalAws => Output("local/LocalAws", "LocalAws.dll");

    public static string Orchestrator => Output("src/Orchestrator", "Orchestrator.dll");

    public static string BareHost => Output("bench/BareHost", "BareHost.dll");

    private static string Output(string project, string dll)
    {
        string path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build bench/Orchestrator.Bench in {Configuration} (bench/run does)", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Orchestrator.sln above {AppContext.BaseDirectory}");
    }
}
