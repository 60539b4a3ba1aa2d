using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using OpenBadgesIssuer.Standards.Jcs;

namespace OpenBadgesIssuer.Standards.Tests.Jcs;

public sealed class JcsTests
{
    private static string C(string json) => Encoding.UTF8.GetString(JcsCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(123.456, "123.456")]
    [InlineData(-0.0, "0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-1.7976931348623157e308, "-1.7976931348623157e+308")]
    [InlineData(9007199254740993d, "9007199254740992")]
    [InlineData(333333333.33333329, "333333333.3333333")]
    [InlineData(0.1, "0.1")]
    public void FormatsNumbersLikeEcmaScript(double value, string expected) => Assert.Equal(expected, JcsCanonicalizer.FormatNumber(value));

    [Fact]
    public void SortsByUtf16CodeUnitsAndEscapesMinimally()
    {
        Assert.Equal("{\"\\n\":1,\"a\":[true,false,null],\"b\":\"\u007F\u2028/\U0001F600\\u001f\",\"\U0001F600\":2,\"\uFB33\":3}",
            C("{\"\uFB33\":3,\"\U0001F600\":2,\"b\":\"\\u007f\\u2028\\/\\ud83d\\ude00\\u001F\",\"a\":[ true , false, null ],\"\\n\":1}"));
    }

    [Fact]
    public void RejectsDuplicatesLoneSurrogatesAndHugeNumbers()
    {
        Assert.Throws<FormatException>(() => C("{\"a\":1,\"a\":2}"));
        Assert.Throws<FormatException>(() => C("[\"\\ud800\"]"));
        Assert.Throws<FormatException>(() => C("[1e400]"));
        Assert.Throws<FormatException>(() => C("{"));
        Assert.Throws<FormatException>(() => JcsCanonicalizer.Canonicalize(new JsonObject { ["x"] = "\ud800" }));
        Assert.Throws<FormatException>(() => JcsCanonicalizer.Canonicalize([(byte)'"', 0xC0, (byte)'"']));
        Assert.Throws<FormatException>(() => C("{\"\\udc00\":1}"));
    }

    [Fact]
    public void JsonNodeAndElementAgree()
    {
        var node = new JsonObject { ["z"] = 1.5, ["a"] = new JsonArray(1, "x", null), ["é"] = "\u00e9" };
        using var doc = JsonDocument.Parse(node.ToJsonString());
        Assert.Equal(JcsCanonicalizer.Canonicalize(doc.RootElement), JcsCanonicalizer.Canonicalize(node));
        Assert.Equal("{\"a\":[1,\"x\",null],\"z\":1.5,\"é\":\"é\"}", Encoding.UTF8.GetString(JcsCanonicalizer.Canonicalize(node)));
    }

    [Property(MaxTest = 2000)]
    public bool NumbersRoundTripThroughTheirCanonicalText(NormalFloat value)
    {
        var text = JcsCanonicalizer.FormatNumber(value.Get);
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) == value.Get
            && !text.Contains('E', StringComparison.Ordinal)
            && text == text.Trim();
    }

    [Property(MaxTest = 300)]
    public bool CanonicalizationIsIdempotent(Dictionary<NonNull<string>, int> members)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in members)
        {
            obj[key.Get] = value;
        }
        byte[] once;
        try
        {
            once = JcsCanonicalizer.Canonicalize(obj);
        }
        catch (FormatException)
        {
            // Random keys may contain unpaired surrogates, which I-JSON forbids.
            return members.Keys.Any(k => k.Get.Any(char.IsSurrogate));
        }
        return once.AsSpan().SequenceEqual(JcsCanonicalizer.Canonicalize(once));
    }
}
