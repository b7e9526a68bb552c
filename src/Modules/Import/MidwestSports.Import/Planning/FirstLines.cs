using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace MidwestSports.Import.Planning;

/// <summary>
/// The line that first named each (owner, natural key) of a file, for its "duplicate in file" errors: a team by league
/// and name, a player by team and email or name. The set has to last the whole file, so it holds a 128-bit XxHash128
/// of the pair instead of the pair: about 32 bytes a row rather than the key's string and a larger entry (a
/// 100,000-row file's set was some 10 MB, and every row's key string lived as long as it). Two different keys of one
/// file sharing a 128-bit hash is about as likely as 1 in 10^28.
/// </summary>
internal sealed class FirstLines
{
    /// <summary>
    /// The hash as two halves: a <see cref="UInt128"/> key is aligned to 16 bytes, which makes each entry 48 bytes where
    /// two <see cref="ulong"/>s make it 32.
    /// </summary>
    private readonly Dictionary<(ulong High, ulong Low), int> lines = [];

    /// <summary>
    /// The line that first named <paramref name="key"/> of <paramref name="owner"/>; or, the first time it is named,
    /// null, and <paramref name="line"/> is remembered as that line.
    /// </summary>
    public int? FirstOr(Guid owner, string key, int line)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(lines, Hash(owner, key), out var exists);
        if (exists)
        {
            return first;
        }

        first = line;
        return null;
    }

    /// <summary>The line that first named <paramref name="key"/> of <paramref name="owner"/>, if any (nothing is remembered).</summary>
    public int? Find(Guid owner, string key) => lines.TryGetValue(Hash(owner, key), out var line) ? line : null;

    /// <summary>Remembers <paramref name="line"/> for the key unless an earlier line named it.</summary>
    public void Add(Guid owner, string key, int line) => lines.TryAdd(Hash(owner, key), line);

    private static (ulong High, ulong Low) Hash(Guid owner, string key)
    {
        var length = 16 + (key.Length * sizeof(char));
        byte[]? rented = null;
        var bytes = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            owner.TryWriteBytes(bytes);
            MemoryMarshal.AsBytes(key.AsSpan()).CopyTo(bytes[16..]);
            var hash = XxHash128.HashToUInt128(bytes);
            return ((ulong)(hash >> 64), (ulong)hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
