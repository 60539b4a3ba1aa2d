namespace OpenBadgesIssuer.Standards.JsonLd;

/// <summary>A JSON-LD processing error; <see cref="Code"/> is the error code string of the JSON-LD 1.1 API (§9.3).</summary>
public sealed class JsonLdException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonLdException(string code, string message)
        : base(code + ": " + message)
    {
        Code = code;
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public JsonLdException(string code, string message, Exception inner)
        : base(code + ": " + message, inner)
    {
        Code = code;
    }

    /// <summary>The JSON-LD API error code, e.g. <c>invalid @id value</c>, or one of the safe-mode codes of <see cref="JsonLdErrorCode"/>.</summary>
    public string Code { get; }
}

/// <summary>Error code strings (JSON-LD 1.1 API §9.3 JsonLdErrorCode, plus the codes this library uses for safe mode).</summary>
public static class JsonLdErrorCode
{
#pragma warning disable CS1591 // The names mirror the specification's error codes one to one.
    public const string CollidingKeywords = "colliding keywords";
    public const string ConflictingIndexes = "conflicting indexes";
    public const string CyclicIriMapping = "cyclic IRI mapping";
    public const string InvalidIdValue = "invalid @id value";
    public const string InvalidImportValue = "invalid @import value";
    public const string InvalidIncludedValue = "invalid @included value";
    public const string InvalidIndexValue = "invalid @index value";
    public const string InvalidNestValue = "invalid @nest value";
    public const string InvalidPrefixValue = "invalid @prefix value";
    public const string InvalidPropagateValue = "invalid @propagate value";
    public const string InvalidProtectedValue = "invalid @protected value";
    public const string InvalidReverseValue = "invalid @reverse value";
    public const string InvalidVersionValue = "invalid @version value";
    public const string InvalidIriMapping = "invalid IRI mapping";
    public const string InvalidBaseIri = "invalid base IRI";
    public const string InvalidBaseDirection = "invalid base direction";
    public const string InvalidContainerMapping = "invalid container mapping";
    public const string InvalidContextEntry = "invalid context entry";
    public const string InvalidContextNullification = "invalid context nullification";
    public const string InvalidDefaultLanguage = "invalid default language";
    public const string InvalidKeywordAlias = "invalid keyword alias";
    public const string InvalidLanguageMapValue = "invalid language map value";
    public const string InvalidLanguageMapping = "invalid language mapping";
    public const string InvalidLanguageTaggedString = "invalid language-tagged string";
    public const string InvalidLanguageTaggedValue = "invalid language-tagged value";
    public const string InvalidLocalContext = "invalid local context";
    public const string InvalidRemoteContext = "invalid remote context";
    public const string InvalidReverseProperty = "invalid reverse property";
    public const string InvalidReversePropertyMap = "invalid reverse property map";
    public const string InvalidReversePropertyValue = "invalid reverse property value";
    public const string InvalidScopedContext = "invalid scoped context";
    public const string InvalidSetOrListObject = "invalid set or list object";
    public const string InvalidTermDefinition = "invalid term definition";
    public const string InvalidTypeMapping = "invalid type mapping";
    public const string InvalidTypeValue = "invalid type value";
    public const string InvalidTypedValue = "invalid typed value";
    public const string InvalidValueObject = "invalid value object";
    public const string InvalidValueObjectValue = "invalid value object value";
    public const string InvalidVocabMapping = "invalid vocab mapping";
    public const string IriConfusedWithPrefix = "IRI confused with prefix";
    public const string KeywordRedefinition = "keyword redefinition";
    public const string ListOfLists = "list of lists";
    public const string LoadingDocumentFailed = "loading document failed";
    public const string LoadingRemoteContextFailed = "loading remote context failed";
    public const string ProcessingModeConflict = "processing mode conflict";
    public const string ProtectedTermRedefinition = "protected term redefinition";
    public const string RecursiveContextInclusion = "recursive context inclusion";
    public const string InvalidJsonLiteral = "invalid JSON literal";

    /// <summary>Safe mode: data would be dropped or an IRI would stay relative (Data Integrity requires an error).</summary>
    public const string SafeModeViolation = "safe mode violation";
#pragma warning restore CS1591
}
