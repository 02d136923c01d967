using System.Globalization;
using LocalAws.Faults;
using LocalAws.Seed;
using LocalAws.Wire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LocalAws.Hosting;

/// <summary>Builds the emulator's web application; Program.cs and in-process tests both start it through here.</summary>
internal static class LocalAwsApplication
{
    public static WebApplication Build(LocalAwsOptions options, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(options);
        builder.Services.AddWire().AddGlue().AddAthena();

        var app = builder.Build();
        app.MapAdminEndpoints();
        var endpoint = app.Services.GetRequiredService<AwsJsonEndpoint>();
        app.MapPost("/", endpoint.HandleAsync);
        return app;
    }

    /// <summary>Starts the app, applies the seed file, and returns the port it listens on.</summary>
    public static async Task<int> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.GetRequiredService<SeedLoader>().ApplyAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).Port;
    }
}
