using System.Globalization;
using OpenBadgesIssuer.Standards.Jcs;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>
/// RFC 8785 test data: the 6 input/output pairs compared byte for byte, then every line of es6testfile10k.txt counted
/// as one test each (so a full run reports 10,006 passed).
/// </summary>
public sealed class JcsSuite(ITestOutputHelper output)
{
    [Fact]
    public void InputOutputPairsAndEs6Numbers()
    {
        var root = SuiteLocation.Require("jcs");
        var report = new SuiteReport("jcs");
        var inputs = Directory.GetFiles(Path.Combine(root, "input"), "*.json").OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(6, inputs.Count);
        foreach (var input in inputs)
        {
            var name = Path.GetFileName(input);
            var expected = File.ReadAllBytes(Path.Combine(root, "output", name));
            var expectedHex = File.ReadAllText(Path.Combine(root, "outhex", Path.ChangeExtension(name, ".txt")))
                .Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
            var actual = JcsCanonicalizer.Canonicalize(File.ReadAllBytes(input));
            if (actual.AsSpan().SequenceEqual(expected) && Convert.ToHexStringLower(actual) == expectedHex.ToLowerInvariant())
            {
                report.Pass();
            }
            else
            {
                report.Fail(name, "got " + System.Text.Encoding.UTF8.GetString(actual));
            }
        }

        var lines = File.ReadAllLines(Path.Combine(root, "numbers", "es6testfile10k.txt"));
        Assert.Equal(10_000, lines.Length);
        foreach (var line in lines)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var bits = ulong.Parse(line.AsSpan(0, comma), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            var value = BitConverter.UInt64BitsToDouble(bits);
            var expected = line[(comma + 1)..];
            var actual = JcsCanonicalizer.FormatNumber(value);
            if (actual == expected)
            {
                report.Pass();
            }
            else
            {
                report.Fail(line, "got " + actual);
            }
        }
        report.Complete(output);
    }
}
