using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace OpenBadgesIssuer.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issuance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "badge_classes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IssuerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CurrentVersionId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_badge_classes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_badge_classes_issuers_IssuerId",
                        column: x => x.IssuerId,
                        principalTable: "issuers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "badge_images",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_badge_images", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IssuerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublicKeyPem = table.Column<string>(type: "TEXT", nullable: false),
                    PublicJwk = table.Column<string>(type: "TEXT", nullable: false),
                    PublicKeyMultibase = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EncryptedPrivateKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_signing_keys_issuers_IssuerId",
                        column: x => x.IssuerId,
                        principalTable: "issuers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "badge_class_versions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BadgeClassId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IssuerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    ImageId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Awarded = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_badge_class_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_badge_class_versions_badge_classes_BadgeClassId",
                        column: x => x.BadgeClassId,
                        principalTable: "badge_classes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_badge_class_versions_badge_images_ImageId",
                        column: x => x.ImageId,
                        principalTable: "badge_images",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assertions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IssuerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BadgeClassId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BadgeClassVersionId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecipientIdentity = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Salt = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assertions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assertions_badge_class_versions_BadgeClassVersionId",
                        column: x => x.BadgeClassVersionId,
                        principalTable: "badge_class_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assertion_artifacts",
                columns: table => new
                {
                    AssertionId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assertion_artifacts", x => new { x.AssertionId, x.Kind });
                    table.ForeignKey(
                        name: "FK_assertion_artifacts_assertions_AssertionId",
                        column: x => x.AssertionId,
                        principalTable: "assertions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assertions_BadgeClassVersionId",
                table: "assertions",
                column: "BadgeClassVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_assertions_TenantId_BadgeClassId_Id",
                table: "assertions",
                columns: new[] { "TenantId", "BadgeClassId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_badge_class_versions_BadgeClassId_Number",
                table: "badge_class_versions",
                columns: new[] { "BadgeClassId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_badge_class_versions_ImageId",
                table: "badge_class_versions",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_badge_classes_IssuerId",
                table: "badge_classes",
                column: "IssuerId");

            migrationBuilder.CreateIndex(
                name: "IX_badge_classes_TenantId_IssuerId_Id",
                table: "badge_classes",
                columns: new[] { "TenantId", "IssuerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_signing_keys_IssuerId_KeyId",
                table: "signing_keys",
                columns: new[] { "IssuerId", "KeyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assertion_artifacts");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropTable(
                name: "assertions");

            migrationBuilder.DropTable(
                name: "badge_class_versions");

            migrationBuilder.DropTable(
                name: "badge_classes");

            migrationBuilder.DropTable(
                name: "badge_images");
        }
    }
}
