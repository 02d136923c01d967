using System.Diagnostics;
using System.Globalization;
using Orchestrator.DeployTests.Infrastructure;
using Xunit.Abstractions;

namespace Orchestrator.DeployTests;

/// <summary>
/// Replays the Dockerfile's build stage without Docker: copies what it COPYs into a fresh folder (as a build context would
/// be), runs its publish RUN line with <c>/app</c> pointing at a temporary folder, then starts the published binary the way
/// the image and the ECS health check do. One publish per test class run.
/// </summary>
public sealed class PublishTests(PublishFixture published, ITestOutputHelper output) : IClassFixture<PublishFixture>
{
    [Fact]
    public void The_published_binary_accepts_the_task_configuration()
    {
        var (code, text) = published.Run(["config", "validate"], published.TaskVariables());
        Assert.True(code == 0, text);
        Assert.Contains("the configuration is valid", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_binary_refuses_an_invalid_configuration_with_exit_code_1()
    {
        var variables = published.TaskVariables();
        variables["Orchestrator__Queue__Url"] = "";
        var (code, text) = published.Run(["config", "validate"], variables);
        Assert.True(code == 1, text);
    }

    [Fact]
    public void The_health_check_follows_the_liveness_file()
    {
        var variables = published.TaskVariables();
        string liveness = variables["Orchestrator__Health__LivenessFile"];
        File.Delete(liveness);
        Assert.Equal(1, published.Run(["healthcheck"], variables).Code);

        File.WriteAllText(liveness, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        var (fresh, text) = published.Run(["healthcheck"], variables);
        Assert.True(fresh == 0, text);

        File.WriteAllText(liveness, DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(1, published.Run(["healthcheck"], variables).Code);
    }

    [Fact]
    public void The_publish_is_self_contained_and_reports_its_size()
    {
        Assert.True(File.Exists(Path.Combine(published.Output, "libcoreclr.so")), "The image is runtime-deps: the runtime must be in the publish.");
        long bytes = new DirectoryInfo(published.Output).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        output.WriteLine($"published size: {bytes / 1024.0 / 1024.0:F1} MiB in {published.Output}");
        Assert.True(bytes < 150L * 1024 * 1024, $"The publish grew to {bytes / 1024 / 1024} MiB; see docs/deploy.md for the expected size.");
    }
}

/// <summary>Publishes once, with the Dockerfile's own command, into a temporary folder.</summary>
public sealed class PublishFixture : IDisposable
{
    private readonly string work = Path.Combine(Path.GetTempPath(), $"orchestrator-publish-{Guid.NewGuid():N}");

    public PublishFixture()
    {
        string root = RepositoryRoot.Find();
        var dockerfile = Dockerfile.Load(Path.Combine(root, "Dockerfile"));
        string context = Path.Combine(work, "context");
        Output = Path.Combine(work, "app");
        Temp = Path.Combine(work, "tmp");
        Directory.CreateDirectory(Temp);
        foreach (string copy in dockerfile.Arguments("build", "COPY"))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain(parts, p => p.StartsWith("--", StringComparison.Ordinal));
            // Docker's rules: several sources or a destination ending in '/' copy into that folder; a folder's contents are copied.
            string destination = Path.Combine(context, parts[^1]);
            bool intoFolder = parts[^1].EndsWith('/') || parts.Length > 2;
            foreach (string source in parts[..^1])
            {
                string from = Path.Combine(root, source);
                CopyIntoContext(from, File.Exists(from) && intoFolder ? Path.Combine(destination, Path.GetFileName(source)) : destination);
            }
        }

        string publish = dockerfile.Arguments("build", "RUN").Single(r => r.Contains("deploy/publish.sh", StringComparison.Ordinal));
        Assert.Contains(" /app ", publish, StringComparison.Ordinal);
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = context, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(publish.Replace(" /app ", $" '{Output}' ", StringComparison.Ordinal));
        start.Environment["VERSION"] = "0.0.0-test";
        start.Environment["TARGETARCH"] = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64";
        var (code, text) = Execute(start, TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"The Dockerfile's publish failed ({publish}):{Environment.NewLine}{text}");
    }

    public string Output { get; }

    public string Temp { get; }

    /// <summary>The task's configuration, with the image's /tmp and /data mapped to temporary folders.</summary>
    public Dictionary<string, string> TaskVariables()
    {
        var variables = TaskEnvironmentTests.TaskVariables(new Deployment());
        foreach (string key in variables.Keys.ToList())
        {
            variables[key] = variables[key].Replace("/tmp/", Temp + "/", StringComparison.Ordinal).Replace("/data/", Temp + "/", StringComparison.Ordinal);
        }

        variables["TMPDIR"] = Temp;
        return variables;
    }

    public (int Code, string Text) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo(Path.Combine(Output, "Orchestrator")) { WorkingDirectory = Temp, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string inherited in start.Environment.Keys.Where(k => k.StartsWith("Orchestrator__", StringComparison.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        return Execute(start, TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under the temporary directory.
        }
    }

    private static void CopyIntoContext(string source, string destination)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination, overwrite: true);
            return;
        }

        // .dockerignore keeps bin/ and obj/ out of the build context; so does this copy.
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            string target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static (int Code, string Text) Execute(ProcessStartInfo start, TimeSpan timeout)
    {
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
