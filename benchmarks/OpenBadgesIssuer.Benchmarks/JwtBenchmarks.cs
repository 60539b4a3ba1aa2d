using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OpenBadgesIssuer.Standards.Jose;

namespace OpenBadgesIssuer.Benchmarks;

/// <summary>VC-JWT (OB 3.0 §8.2) on the teacher micro-credential: UTF-8 JSON in → compact JWS bytes out, and back.</summary>
[MemoryDiagnoser]
public class JwtBenchmarks
{
    private const string Kid = "https://badges.nved.example/issuers/pl-office/keys/1";

    private RSA _rsa = null!;
    private ECDsa _ecdsa = null!;
    private JoseSigningKey _rs256 = null!;
    private JoseSigningKey _es256 = null!;
    private JoseVerificationKey _rs256Public = null!;
    private JoseVerificationKey _es256Public = null!;
    private string _rs256Token = "";
    private string _es256Token = "";
    private VcJwtVerificationOptions _verifyRs256 = null!;
    private VcJwtVerificationOptions _verifyEs256 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rsa = RSA.Create(2048);
        _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _rs256 = JoseSigningKey.Rs256(_rsa, Kid);
        _es256 = JoseSigningKey.Es256(_ecdsa, Kid);
        _rs256Public = _rs256.CreateVerificationKey();
        _es256Public = _es256.CreateVerificationKey();
        _rs256Token = Encoding.ASCII.GetString(SignRs256());
        _es256Token = Encoding.ASCII.GetString(SignEs256());
        _verifyRs256 = Options(JoseAlgorithms.RS256, _rs256Public);
        _verifyEs256 = Options(JoseAlgorithms.ES256, _es256Public);
        foreach (var (token, options) in new[] { (_rs256Token, _verifyRs256), (_es256Token, _verifyEs256) })
        {
            var result = VcJwt.VerifyAsync(token, options).AsTask().GetAwaiter().GetResult();
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"The benchmark VC-JWT does not verify: {result.Failure} {result.Message}");
            }
        }
        Fixture.WarmUp(() => SignEs256(), () => VerifyEs256(), () => VerifyRs256());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rs256Public.Dispose();
        _es256Public.Dispose();
        _rsa.Dispose();
        _ecdsa.Dispose();
    }

    [Benchmark(Description = "VC-JWT ES256 sign")]
    public byte[] SignEs256() => Sign(_es256);

    [Benchmark(Description = "VC-JWT RS256 sign")]
    public byte[] SignRs256() => Sign(_rs256);

    [Benchmark(Description = "VC-JWT ES256 verify")]
    public bool VerifyEs256() => VcJwt.VerifyAsync(_es256Token, _verifyEs256).AsTask().GetAwaiter().GetResult().IsValid;

    [Benchmark(Description = "VC-JWT RS256 verify")]
    public bool VerifyRs256() => VcJwt.VerifyAsync(_rs256Token, _verifyRs256).AsTask().GetAwaiter().GetResult().IsValid;

    private static byte[] Sign(JoseSigningKey key)
    {
        var credential = JsonNode.Parse(Fixture.CredentialUtf8)!.AsObject();
        return Encoding.ASCII.GetBytes(VcJwt.Sign(credential, key));
    }

    private static VcJwtVerificationOptions Options(string alg, JoseVerificationKey key) => new()
    {
        AllowedAlgorithms = new HashSet<string>(StringComparer.Ordinal) { alg },
        KeyResolver = (request, _) => ValueTask.FromResult<JoseVerificationKey?>(
            string.Equals(request.KeyId, Kid, StringComparison.Ordinal) ? key : null),
    };
}
