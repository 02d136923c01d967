using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Orchestrator.Configuration;

/// <summary>Registers <see cref="OrchestratorOptions"/>: strict binding, validation of every rule, validated on start.</summary>
internal static class OptionsRegistration
{
    public static IHostApplicationBuilder AddOrchestratorOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<OptionsBindingErrors>();
        builder.Services.AddOptions<OrchestratorOptions>()
            .Configure<IConfiguration, OptionsBindingErrors>((options, configuration, errors) =>
            {
                errors.Errors.Clear();
                StrictConfigurationBinder.Bind(configuration.GetSection(OrchestratorOptions.SectionName), options, errors.Errors);
            })
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrchestratorOptions>, OrchestratorOptionsValidator>());
        return builder;
    }
}
