using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Bench.BareHost;

// dotnet BareHost.dll --QueueUrl <url>; the endpoint, region and credentials come from the SDK's environment variables.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());
builder.Services.AddHostedService<ReceiveLoop>();
await builder.Build().RunAsync();
