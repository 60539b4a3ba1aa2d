using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenBadgesIssuer.Standards.JsonLd;

namespace OpenBadgesIssuer.Standards.Conformance;

/// <summary>
/// The JSON-LD processor's internal JCS writer (used for rdf:JSON literals) against the RFC 8785 test data: the six
/// input/output pairs byte for byte and the 10,000 ECMAScript number renderings.
/// </summary>
public sealed class JsonLdJcsLiteralSuite(ITestOutputHelper output)
{
    [Fact]
    public void JcsCasesAndNumbers()
    {
        var dir = SuiteLocation.Require("jcs");
        var report = new SuiteReport("json-ld-jcs-literals");
        foreach (var input in Directory.GetFiles(Path.Combine(dir, "input"), "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(input);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(input));
            var actual = Encoding.UTF8.GetBytes(Jcs.Serialize(JsonTree.FromElement(doc.RootElement)));
            var expected = File.ReadAllBytes(Path.Combine(dir, "output", name));
            if (actual.AsSpan().SequenceEqual(expected))
            {
                report.Pass();
            }
            else
            {
                report.Fail(name, Encoding.UTF8.GetString(actual));
            }
        }
        var numberFailures = 0;
        var lines = 0;
        foreach (var line in File.ReadLines(Path.Combine(dir, "numbers", "es6testfile10k.txt")))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var bits = ulong.Parse(line.AsSpan(0, comma), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var value = BitConverter.UInt64BitsToDouble(bits);
            lines++;
            if (Jcs.FormatNumber(value) != line[(comma + 1)..] && numberFailures++ < 10)
            {
                report.Fail("number " + line, Jcs.FormatNumber(value));
            }
        }
        if (numberFailures == 0 && lines > 0)
        {
            report.Pass();
        }
        output.WriteLine($"{lines} number lines checked, {numberFailures} mismatches");
        report.Complete(output);
    }
}
