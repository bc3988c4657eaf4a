using System.Runtime.CompilerServices;

namespace MscAlf.Codes;

/// <summary>
/// The project's enums as their <see cref="int"/> values and member lists, without the framework's generic helpers
/// (<c>EqualityComparer&lt;T&gt;</c>, <c>Enum.GetValues&lt;T&gt;</c>): those are compiled at run time for every enum
/// of ours, since ReadyToRun cannot precompile framework generics over our types; this code is precompiled with the
/// library (measured: docs/performance.md).
/// </summary>
internal static class EnumValue
{
    /// <summary>The value of <paramref name="value"/>; every enum of the project is backed by <see cref="int"/>.</summary>
    public static int Of<T>(T value)
        where T : struct, Enum
    {
        if (Unsafe.SizeOf<T>() != sizeof(int))
        {
            throw new NotSupportedException($"{typeof(T).Name} is not backed by int");
        }
        return Unsafe.As<T, int>(ref value);
    }

    /// <summary>The members of <typeparamref name="T"/>, in the order of their values.</summary>
#pragma warning disable CA2263 // the generic overload is the one this avoids (see the class remarks)
    public static T[] All<T>()
        where T : struct, Enum => (T[])Enum.GetValues(typeof(T));
#pragma warning restore CA2263
}
