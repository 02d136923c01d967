namespace Orchestrator.Configuration;

/// <summary>Problems found while binding (unknown keys, values that do not convert), reported by the validator with the rest.</summary>
internal sealed class OptionsBindingErrors
{
    public List<string> Errors { get; } = [];
}
