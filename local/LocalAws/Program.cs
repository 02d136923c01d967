using System.Globalization;
using LocalAws.Hosting;

// Local Glue + Athena emulator. Prints "READY <port>" on stdout once listening; tests wait for that line.
LocalAwsOptions options;
try
{
    options = CommandLine.Parse(args);
}
catch (ArgumentException error)
{
    await Console.Error.WriteLineAsync(error.Message);
    return 2;
}

await using var app = LocalAwsApplication.Build(options);
var port = await LocalAwsApplication.StartAsync(app, CancellationToken.None);
Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"READY {port}"));
await Console.Out.FlushAsync();
await app.WaitForShutdownAsync();
return 0;
