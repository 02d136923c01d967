namespace Orchestrator.Jobs.Aws;

/// <summary>Lets <see cref="ConstantClassJsonConverter{T}"/> turn a wire string into the known instance of an enumeration.</summary>
/// <typeparam name="TSelf">The enumeration type.</typeparam>
public interface IConstantClass<TSelf>
    where TSelf : ConstantClass
{
    /// <summary>The known instance for <paramref name="value"/>, or a new instance carrying an unknown value.</summary>
    static abstract TSelf FindValue(string value);
}
