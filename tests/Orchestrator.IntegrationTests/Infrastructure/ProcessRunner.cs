using System.Diagnostics;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>Runs a command line to completion and fails with its output when it fails, so a broken test setup explains itself.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        string commandLine = $"{fileName} {string.Join(' ', arguments)}";
        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{commandLine}'.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' did not finish within {timeout}.");
        }

        string text = (await output) + (await error);
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"'{commandLine}' exited with code {process.ExitCode}:{Environment.NewLine}{text}");
    }
}
