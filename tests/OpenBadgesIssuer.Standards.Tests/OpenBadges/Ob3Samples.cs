using OpenBadgesIssuer.Standards.OpenBadges.V3;

namespace OpenBadgesIssuer.TestSamples;

/// <summary>Teacher micro-credential inputs shared by the Standards and Core tests (linked into Core.Tests).</summary>
internal static class Ob3Samples
{
    internal const string IssuerDid = "did:web:badges.example.org:issuers:district-7";
    internal const string AchievementId = "https://badges.example.org/v1/badge-classes/6f1c/versions/2";
    internal const string CriterionId = AchievementId + "#criterion-questioning";
    internal const string LevelDeveloping = AchievementId + "#criterion-questioning-developing";
    internal const string LevelProficient = AchievementId + "#criterion-questioning-proficient";
    internal const string LevelExemplary = AchievementId + "#criterion-questioning-exemplary";
    internal const string CriterionId2 = AchievementId + "#criterion-feedback";
    internal const string Level2Met = AchievementId + "#criterion-feedback-met";

    internal static readonly DateTimeOffset Issued = new(2025, 1, 15, 18, 0, 0, TimeSpan.Zero);

    internal static OpenBadgeCredentialInput Minimal() => new(
        "urn:uuid:2f2b1a2e-7f4c-4a35-9d8e-2b1f3c2d4e5f",
        new Ob3Profile(IssuerDid, "Example School District"),
        new Ob3Achievement(AchievementId, "Formative Assessment", "Uses formative assessment to adjust instruction.",
            new Ob3Criteria(null, "Submit a lesson plan and a classroom video showing formative assessment.")),
        Ob3Recipient.HashedEmail("Teacher@Example.org ", "deadsea"),
        Issued);

    internal static OpenBadgeCredentialInput Full() => Minimal() with
    {
        Issuer = new Ob3Profile(IssuerDid, "Example School District")
        {
            Url = "https://district.example.org",
            Email = "badges@district.example.org",
            Phone = "+15555550100",
            Description = "A public school district.",
            Image = new Ob3Image("https://badges.example.org/v1/issuers/district-7/image.png", "District logo"),
        },
        Achievement = new Ob3Achievement(AchievementId, "Formative Assessment", "Uses formative assessment to adjust instruction.",
            new Ob3Criteria("https://badges.example.org/v1/badge-classes/6f1c/criteria", "Submit **evidence** of questioning and feedback."))
        {
            Image = new Ob3Image("https://badges.example.org/v1/badge-classes/6f1c/image.png", "Badge"),
            CreditsAvailable = 3.5m,
            FieldOfStudy = "Education",
            Specialization = "Assessment",
            HumanCode = "FA-101",
            Version = "2",
            InLanguage = "en-US",
            Tags = ["assessment", "pedagogy"],
            Alignments =
            [
                new Ob3Alignment("Formative assessment", "https://case.example.org/items/1234")
                {
                    TargetCode = "FA.1", TargetFramework = "Teaching Standards", TargetType = "CFItem",
                    TargetDescription = "Uses formative assessment.",
                },
            ],
            ResultDescriptions =
            [
                new Ob3ResultDescription(CriterionId, "Questioning techniques")
                {
                    RequiredLevel = LevelProficient,
                    RubricCriterionLevels =
                    [
                        new Ob3RubricCriterionLevel(LevelDeveloping, "Developing") { Description = "Some questions.", Level = "1", Points = "1" },
                        new Ob3RubricCriterionLevel(LevelProficient, "Proficient") { Description = "Open questions.", Level = "2", Points = "2" },
                        new Ob3RubricCriterionLevel(LevelExemplary, "Exemplary") { Description = "Students ask.", Level = "3", Points = "3" },
                    ],
                },
                new Ob3ResultDescription(CriterionId2, "Feedback")
                {
                    RubricCriterionLevels = [new Ob3RubricCriterionLevel(Level2Met, "Met")],
                },
            ],
            Creator = new Ob3Profile("https://pd.example.org", "PD Provider"),
        },
        ValidUntil = Issued.AddYears(5),
        AwardedDate = Issued,
        Description = "Awarded for evidence-backed practice.",
        Evidence =
        [
            new Ob3Evidence { Id = "https://evidence.example.org/lesson-plan.pdf", Name = "Lesson plan", Genre = "Lesson plan", Audience = "Reviewers", Description = "Plan" },
            new Ob3Evidence { Narrative = "Observed on 2025-01-10.", Name = "Observation" },
        ],
        Results =
        [
            new Ob3Result(CriterionId) { AchievedLevel = LevelExemplary },
            new Ob3Result(CriterionId2) { AchievedLevel = Level2Met },
        ],
        CreditsEarned = 3.5m,
        ActivityStartDate = Issued.AddDays(-30),
        ActivityEndDate = Issued.AddDays(-1),
        Narrative = "Completed the *full* cycle.",
        CredentialStatus = new Ob3BitstringStatus("https://badges.example.org/v1/status/district-7/1", 94567),
    };
}
