using MidwestSports.Import.Persistence;

namespace MidwestSports.Import.Tests;

/// <summary>An upload read through a local copy: the same bytes, the app's user's alone, and gone when the reading ends or fails.</summary>
public sealed class ImportFileCopyTests
{
    private static readonly string Copies = Path.Combine(Path.GetTempPath(), "midwest-imports");

    [Test]
    public async Task OfUpload_ReadsTheSameBytesAsOftenAsAskedAndDeletesTheCopyWhenDisposed()
    {
        var bytes = Corpus.File("teams-utf8.csv");
        string path;
        await using (var copy = await ImportFileCopy.OfUploadAsync(new MemoryStream(bytes), CancellationToken.None))
        {
            path = copy.FilePath;
            using var first = new MemoryStream();
            using var second = new MemoryStream();
            await using (var stream = copy.Source.Open())
            {
                await stream.CopyToAsync(first);
            }

            await using (var stream = copy.Source.Open())
            {
                await stream.CopyToAsync(second);
            }

            Assert.Multiple(() =>
            {
                Assert.That(copy.Source.Length, Is.EqualTo(bytes.Length));
                Assert.That(first.ToArray(), Is.EqualTo(bytes));
                Assert.That(second.ToArray(), Is.EqualTo(bytes));
                if (!OperatingSystem.IsWindows())
                {
                    Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "uploads hold personal data");
                }
            });
        }

        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void OfUpload_AnUploadThatBreaksMidway_LeavesNoCopy()
    {
        var prefix = $"test-{Guid.NewGuid():N}";

        Assert.ThrowsAsync<IOException>(() => ImportFileCopy.OfUploadAsync(new BreaksAfter(100_000), CancellationToken.None, prefix));

        Assert.That(Directory.GetFiles(Copies, prefix + "-*"), Is.Empty, "the part written before the break is deleted");
    }

    /// <summary>A client that drops the connection after <c>limit</c> bytes.</summary>
    private sealed class BreaksAfter(int limit) : Stream
    {
        private int sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (sent >= limit)
            {
                throw new IOException("The client disconnected.");
            }

            var n = Math.Min(count, limit - sent);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
