namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>What a job runs: the command name (<c>glueetl</c>, <c>pythonshell</c>, <c>gluestreaming</c>) and the script.</summary>
public sealed class JobCommand
{
    public string? Name { get; set; }

    public string? ScriptLocation { get; set; }

    public string? PythonVersion { get; set; }

    public string? Runtime { get; set; }
}
