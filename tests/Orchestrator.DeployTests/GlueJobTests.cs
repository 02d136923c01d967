using System.Diagnostics;
using System.Text.Json;
using Orchestrator.DeployTests.Infrastructure;

namespace Orchestrator.DeployTests;

/// <summary>The deployed Glue job and its PySpark script agree; the script compiles and follows the bookmark rules.</summary>
public sealed class GlueJobTests
{
    private const string Script = "src/Jobs/glue/raw_to_curated.py";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Glue's own job parameters (docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html).</summary>
    private static readonly HashSet<string> GlueParameters = new(StringComparer.Ordinal)
    {
        "--job-bookmark-option", "--enable-metrics", "--enable-continuous-cloudwatch-log", "--enable-observability-metrics",
        "--enable-spark-ui", "--spark-event-logs-path", "--TempDir", "--job-language", "--enable-glue-datacatalog",
        "--enable-job-insights", "--extra-py-files", "--additional-python-modules",
    };

    // Reads the script's syntax tree: the names getResolvedOptions resolves, and every Glue source/sink call's keywords.
    private const string Inspect = """
        import ast, json, sys
        tree = ast.parse(open(sys.argv[1]).read(), sys.argv[1])
        lists = {t.id: [e.value for e in n.value.elts] for n in ast.walk(tree) if isinstance(n, ast.Assign)
                 for t in n.targets if isinstance(t, ast.Name) and isinstance(n.value, ast.List)}
        resolved, io, calls = [], [], set()
        for n in ast.walk(tree):
            if not isinstance(n, ast.Call):
                continue
            f = n.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            calls.add(name)
            if name == "getResolvedOptions":
                a = n.args[1]
                resolved += lists[a.id] if isinstance(a, ast.Name) else [e.value for e in a.elts]
            owner = f.value.attr if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Attribute) else ""
            if owner in ("create_dynamic_frame", "write_dynamic_frame"):
                io.append({"call": owner + "." + name, "line": n.lineno, "keywords": [k.arg for k in n.keywords]})
        print(json.dumps({"resolved": resolved, "io": io, "calls": sorted(calls)}))
        """;

    [Fact]
    public void The_script_compiles()
    {
        string root = RepositoryRoot.Find();
        string output = Python(["-m", "py_compile", Path.Combine(root, Script)]);
        Assert.Equal("", output.Trim());
    }

    [Fact]
    public void The_job_default_arguments_are_exactly_what_the_script_reads()
    {
        var deployment = new Deployment();
        var job = (Dictionary<string, object?>)deployment.Evaluator.Evaluate(deployment.Template.Properties("GlueJob"))!;
        var defaults = ((Dictionary<string, object?>)job["DefaultArguments"]!).Keys.Where(k => !GlueParameters.Contains(k)).ToHashSet();
        // Glue passes --JOB_NAME itself.
        var read = Inspection().Resolved.Where(a => a != "JOB_NAME").Select(a => "--" + a).ToHashSet();
        Assert.Equal(read.Order(StringComparer.Ordinal), defaults.Order(StringComparer.Ordinal));
        // The same arguments as the local emulator's raw_to_curated, so a job definition works in both places.
        Assert.Equal(["--source_database", "--source_table", "--target_database", "--target_table"], read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_job_runs_one_at_a_time_with_bookmarks_from_the_deployed_script()
    {
        var deployment = new Deployment();
        var job = (Dictionary<string, object?>)deployment.Evaluator.Evaluate(deployment.Template.Properties("GlueJob"))!;
        Assert.Equal("1", ((Dictionary<string, object?>)job["ExecutionProperty"]!)["MaxConcurrentRuns"]);
        Assert.Equal("job-bookmark-enable", ((Dictionary<string, object?>)job["DefaultArguments"]!)["--job-bookmark-option"]);
        Assert.EndsWith("/" + Path.GetFileName(Script), (string)((Dictionary<string, object?>)job["Command"]!)["ScriptLocation"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_source_and_sink_has_a_transformation_ctx_and_the_job_commits()
    {
        var inspection = Inspection();
        Assert.Contains(inspection.Io, c => c.Call.StartsWith("create_dynamic_frame.", StringComparison.Ordinal));
        Assert.Contains(inspection.Io, c => c.Call.StartsWith("write_dynamic_frame.", StringComparison.Ordinal));
        Assert.All(inspection.Io, c => Assert.True(c.Keywords.Contains("transformation_ctx"), $"{c.Call} on line {c.Line} has no transformation_ctx."));
        Assert.Contains("init", inspection.Calls);
        Assert.Contains("commit", inspection.Calls);
    }

    private sealed record IoCall(string Call, int Line, List<string> Keywords);

    private sealed record ScriptInspection(List<string> Resolved, List<IoCall> Io, List<string> Calls);

    private static ScriptInspection Inspection()
    {
        string json = Python(["-c", Inspect, Path.Combine(RepositoryRoot.Find(), Script)]);
        return JsonSerializer.Deserialize<ScriptInspection>(json, Json)!;
    }

    /// <summary>Runs python3; fails (never skips) when it is missing.</summary>
    private static string Python(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // py_compile writes the .pyc next to the script otherwise: keep the source tree clean.
        start.Environment["PYTHONPYCACHEPREFIX"] = Path.Combine(Path.GetTempPath(), "orchestrator-deploy-tests-pycache");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("python3 is required by the Glue script tests: install it (apt-get install python3).", ex);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"python3 {string.Join(' ', start.ArgumentList.Take(2))} failed: {error.Result}");
            return output;
        }
    }
}
