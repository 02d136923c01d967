namespace Orchestrator.Jobs.Aws;

/// <summary>
/// Base of the APIs' string enumerations, shaped like the SDK's <c>Amazon.Runtime.ConstantClass</c>: the known values are static
/// fields, and a value the service adds later still round-trips instead of failing to parse (AWS adds enum values without
/// a new API version, e.g. <c>JobRunState.EXPIRED</c>).
/// </summary>
public abstract class ConstantClass : IEquatable<ConstantClass>
{
    /// <summary>Wraps <paramref name="value"/> as sent on the wire.</summary>
    protected ConstantClass(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The value as sent on the wire.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <inheritdoc/>
    public bool Equals(ConstantClass? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConstantClass);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Value equality, as in the SDK.</summary>
    public static bool operator ==(ConstantClass? left, ConstantClass? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality, as in the SDK.</summary>
    public static bool operator !=(ConstantClass? left, ConstantClass? right) => !(left == right);
}
