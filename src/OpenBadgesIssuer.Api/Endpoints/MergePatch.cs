using System.Text.Json;
using OpenBadgesIssuer.Api.Contracts;
using OpenBadgesIssuer.Core.Domain;
using OpenBadgesIssuer.Core.Errors;
using OpenBadgesIssuer.Core.Issuers;

namespace OpenBadgesIssuer.Api.Endpoints;

/// <summary>
/// Reads a JSON merge patch (RFC 7396). The body is parsed once as a document to learn which members are present
/// (absent = keep, null = clear) and deserialized with the strict contract for types and unknown members.
/// </summary>
internal static class MergePatch
{
    public static async Task<Result<IssuerPatch>> ReadIssuerPatchAsync(
        HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body,
                new JsonDocumentOptions { MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth }, ct);
        }
        catch (JsonException ex)
        {
            return Error.BadRequest("invalid_json", "The request body is not valid JSON.", ex.Path);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Error.BadRequest("invalid_json", "A merge patch must be a JSON object.", "$");
            }

            UpdateIssuerRequest? body;
            try
            {
                body = document.RootElement.Deserialize<UpdateIssuerRequest>(options);
            }
            catch (JsonException ex)
            {
                return Error.BadRequest("invalid_json",
                    "The patch does not fit the contract: a wrong value type or a member the contract does not define.",
                    string.IsNullOrEmpty(ex.Path) ? null : ex.Path);
            }

            if (body is null)
            {
                return Error.BadRequest("invalid_json", "A merge patch must be a JSON object.", "$");
            }

            var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                present.Add(property.Name);
            }

            return new IssuerPatch
            {
                Name = Member(present, "name", body.Name),
                Url = Member(present, "url", body.Url),
                Email = Member(present, "email", body.Email),
                Description = Member(present, "description", body.Description),
                Image = Member(present, "image", body.Image),
                Phone = Member(present, "phone", body.Phone),
                Official = Member(present, "official", body.Official),
                Address = Member(present, "address", body.Address?.ToDomain()),
            };
        }
    }

    private static Patch<T> Member<T>(HashSet<string> present, string name, T? value) =>
        present.Contains(name) ? Patch<T>.Set(value) : Patch<T>.Unset;
}
