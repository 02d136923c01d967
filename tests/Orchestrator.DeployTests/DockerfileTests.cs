using Orchestrator.DeployTests.Infrastructure;

namespace Orchestrator.DeployTests;

/// <summary>The runtime stage: non-root, writable only where the task mounts volumes, health check through the CLI.</summary>
public sealed class DockerfileTests
{
    private readonly Deployment deployment = new();
    private readonly Dockerfile dockerfile = Dockerfile.Load(Path.Combine(RepositoryRoot.Find(), "Dockerfile"));

    [Fact]
    public void The_runtime_stage_runs_as_a_non_root_user()
    {
        string user = dockerfile.Arguments("runtime", "USER").Last();
        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        Assert.StartsWith("mcr.microsoft.com/dotnet/runtime-deps:10.0", dockerfile.Instructions.Single(i => i.Stage == "runtime" && i.Instruction == "FROM").Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void The_task_mounts_a_volume_on_every_writable_path_of_the_image()
    {
        var volumes = dockerfile.Arguments("runtime", "VOLUME").Single().Trim('[', ']').Split(',').Select(v => v.Trim().Trim('"')).Order().ToList();
        var mounts = ((List<object?>)deployment.Evaluator.Evaluate(deployment.Container(Deployment.OrchestratorContainer)["MountPoints"])!)
            .Cast<Dictionary<string, object?>>().Select(m => (string)m["ContainerPath"]!).Order().ToList();
        Assert.Equal(["/data", "/tmp"], volumes);
        Assert.Equal(volumes, mounts);
        var environment = deployment.Environment();
        Assert.StartsWith("/tmp/", environment["Orchestrator__Health__LivenessFile"], StringComparison.Ordinal);
        Assert.Equal("/tmp", dockerfile.Environment("runtime")["TMPDIR"]);
        Assert.Equal("0", dockerfile.Environment("runtime")["DOTNET_EnableDiagnostics"]);
    }

    [Fact]
    public void The_health_check_and_version_go_through_the_cli_and_the_publish_script()
    {
        Assert.EndsWith("""CMD ["/app/Orchestrator", "healthcheck"]""", dockerfile.Arguments("runtime", "HEALTHCHECK").Single(), StringComparison.Ordinal);
        Assert.Contains("deploy/publish.sh /app \"$VERSION\"", dockerfile.Arguments("build", "RUN").First(), StringComparison.Ordinal);
    }
}
