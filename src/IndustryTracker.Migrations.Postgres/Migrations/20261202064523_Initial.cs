using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IndustryTracker.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Publisher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Author = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CleanText = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Companies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HeadquartersCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FoundedLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FoundedStart = table.Column<DateOnly>(type: "date", nullable: true),
                    FoundedEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    FoundedPrecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Companies_Companies_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CompanyMerges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurvivorId = table.Column<int>(type: "integer", nullable: false),
                    SurvivorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DuplicateId = table.Column<int>(type: "integer", nullable: false),
                    DuplicateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DuplicateSlug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    MergedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MergedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UndoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UndoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HistoryEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChangeSetId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntityType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    EntityLabel = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MergeId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoryEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArticleParagraphs",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleParagraphs", x => new { x.ArticleId, x.Number });
                    table.ForeignKey(
                        name: "FK_ArticleParagraphs_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AiModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DeveloperId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Accessibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReleaseLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReleaseStart = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleaseEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleasePrecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AiModels_Companies_DeveloperId",
                        column: x => x.DeveloperId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CompanyAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyAliases_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Investments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecipientId = table.Column<int>(type: "integer", nullable: true),
                    RoundLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Period = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    AmountAsReported = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AmountIsLowerBound = table.Column<bool>(type: "boolean", nullable: true),
                    AmountUsd = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    UsdIsReported = table.Column<bool>(type: "boolean", nullable: false),
                    FxRate = table.Column<decimal>(type: "numeric(18,8)", precision: 18, scale: 8, nullable: true),
                    FxRateDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FxRateSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnnouncedLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnnouncedStart = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncedEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncedPrecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Investments_Companies_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DateLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateStart = table.Column<DateOnly>(type: "date", nullable: false),
                    DateEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    DatePrecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InvestmentId = table.Column<int>(type: "integer", nullable: true),
                    SourceUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Events_Investments_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "Investments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "InvestmentParticipants",
                columns: table => new
                {
                    InvestmentId = table.Column<int>(type: "integer", nullable: false),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestmentParticipants", x => new { x.InvestmentId, x.CompanyId });
                    table.ForeignKey(
                        name: "FK_InvestmentParticipants_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InvestmentParticipants_Investments_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "Investments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventCompanies",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    CompanyId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventCompanies", x => new { x.EventId, x.CompanyId });
                    table.ForeignKey(
                        name: "FK_EventCompanies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventCompanies_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventModels",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    AiModelId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventModels", x => new { x.EventId, x.AiModelId });
                    table.ForeignKey(
                        name: "FK_EventModels_AiModels_AiModelId",
                        column: x => x.AiModelId,
                        principalTable: "AiModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventModels_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Mentions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Paragraph = table.Column<int>(type: "integer", nullable: false),
                    Quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CompanyId = table.Column<int>(type: "integer", nullable: true),
                    AiModelId = table.Column<int>(type: "integer", nullable: true),
                    InvestmentId = table.Column<int>(type: "integer", nullable: true),
                    TimelineEventId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mentions", x => x.Id);
                    table.CheckConstraint("CK_Mentions_ExactlyOneSubject", "(CASE WHEN \"CompanyId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"AiModelId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"InvestmentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"TimelineEventId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_Mentions_AiModels_AiModelId",
                        column: x => x.AiModelId,
                        principalTable: "AiModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Mentions_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Mentions_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Mentions_Events_TimelineEventId",
                        column: x => x.TimelineEventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Mentions_Investments_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "Investments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AiModels_DeveloperId",
                table: "AiModels",
                column: "DeveloperId");

            migrationBuilder.CreateIndex(
                name: "IX_AiModels_ReleaseStart_ReleaseEnd",
                table: "AiModels",
                columns: new[] { "ReleaseStart", "ReleaseEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_AiModels_Slug",
                table: "AiModels",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_FileName",
                table: "Articles",
                column: "FileName");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Sha256",
                table: "Articles",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Companies_FoundedStart_FoundedEnd",
                table: "Companies",
                columns: new[] { "FoundedStart", "FoundedEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_NameKey",
                table: "Companies",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_ParentId",
                table: "Companies",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Slug",
                table: "Companies",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompanyAliases_CompanyId_NameKey",
                table: "CompanyAliases",
                columns: new[] { "CompanyId", "NameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompanyAliases_NameKey",
                table: "CompanyAliases",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_EventCompanies_CompanyId",
                table: "EventCompanies",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_EventModels_AiModelId",
                table: "EventModels",
                column: "AiModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_DateStart_DateEnd",
                table: "Events",
                columns: new[] { "DateStart", "DateEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_InvestmentId",
                table: "Events",
                column: "InvestmentId");

            migrationBuilder.CreateIndex(
                name: "IX_HistoryEntries_ChangeSetId",
                table: "HistoryEntries",
                column: "ChangeSetId");

            migrationBuilder.CreateIndex(
                name: "IX_HistoryEntries_EntityType_EntityId",
                table: "HistoryEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_InvestmentParticipants_CompanyId",
                table: "InvestmentParticipants",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Investments_AnnouncedStart_AnnouncedEnd",
                table: "Investments",
                columns: new[] { "AnnouncedStart", "AnnouncedEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_Investments_RecipientId",
                table: "Investments",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_AiModelId",
                table: "Mentions",
                column: "AiModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_ArticleId",
                table: "Mentions",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_CompanyId",
                table: "Mentions",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_InvestmentId",
                table: "Mentions",
                column: "InvestmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_TimelineEventId",
                table: "Mentions",
                column: "TimelineEventId");

            // Full-text search over events (not part of the EF model): see docs/adr/0004-full-text-search.md.
            migrationBuilder.Sql(""""
                -- Full-text search over timeline events: title, summary and the quotes of the mentions that support the event.
                -- One row per event holding its tsvector, kept in sync by triggers (as the SQLite FTS5 table is), GIN-indexed.
                -- See docs/adr/0004-full-text-search.md.
                CREATE TABLE "EventSearch" (
                    "EventId" integer NOT NULL CONSTRAINT "PK_EventSearch" PRIMARY KEY
                        CONSTRAINT "FK_EventSearch_Events_EventId" REFERENCES "Events" ("Id") ON DELETE CASCADE,
                    "Document" tsvector NOT NULL
                );

                CREATE INDEX "IX_EventSearch_Document" ON "EventSearch" USING GIN ("Document");

                CREATE FUNCTION "EventSearch_Refresh"(event_id integer) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "EventSearch" WHERE "EventId" = event_id;
                    INSERT INTO "EventSearch" ("EventId", "Document")
                    SELECT e."Id",
                           to_tsvector('simple'::regconfig, e."Title" || ' ' || coalesce(e."Summary", '') || ' ' ||
                               coalesce((SELECT string_agg(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), ''))
                    FROM "Events" AS e WHERE e."Id" = event_id;
                $$;

                CREATE FUNCTION "EventSearch_EventChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM "EventSearch_Refresh"(NEW."Id");
                    RETURN NULL;
                END;
                $$;

                CREATE FUNCTION "EventSearch_MentionChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."TimelineEventId" IS NOT NULL THEN
                        PERFORM "EventSearch_Refresh"(OLD."TimelineEventId");
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."TimelineEventId" IS NOT NULL THEN
                        PERFORM "EventSearch_Refresh"(NEW."TimelineEventId");
                    END IF;
                    RETURN NULL;
                END;
                $$;

                CREATE TRIGGER "EventSearch_EventInsertedOrUpdated" AFTER INSERT OR UPDATE OF "Title", "Summary" ON "Events"
                    FOR EACH ROW EXECUTE FUNCTION "EventSearch_EventChanged"();

                CREATE TRIGGER "EventSearch_MentionChanged" AFTER INSERT OR UPDATE OR DELETE ON "Mentions"
                    FOR EACH ROW EXECUTE FUNCTION "EventSearch_MentionChanged"();

                INSERT INTO "EventSearch" ("EventId", "Document")
                SELECT e."Id",
                       to_tsvector('simple'::regconfig, e."Title" || ' ' || coalesce(e."Summary", '') || ' ' ||
                           coalesce((SELECT string_agg(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), ''))
                FROM "Events" AS e;
                """");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(""""
                DROP TRIGGER IF EXISTS "EventSearch_MentionChanged" ON "Mentions";
                DROP TRIGGER IF EXISTS "EventSearch_EventInsertedOrUpdated" ON "Events";
                DROP FUNCTION IF EXISTS "EventSearch_MentionChanged"();
                DROP FUNCTION IF EXISTS "EventSearch_EventChanged"();
                DROP FUNCTION IF EXISTS "EventSearch_Refresh"(integer);
                DROP TABLE IF EXISTS "EventSearch";
                """");

            migrationBuilder.DropTable(
                name: "ArticleParagraphs");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "CompanyAliases");

            migrationBuilder.DropTable(
                name: "CompanyMerges");

            migrationBuilder.DropTable(
                name: "EventCompanies");

            migrationBuilder.DropTable(
                name: "EventModels");

            migrationBuilder.DropTable(
                name: "HistoryEntries");

            migrationBuilder.DropTable(
                name: "InvestmentParticipants");

            migrationBuilder.DropTable(
                name: "Mentions");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "AiModels");

            migrationBuilder.DropTable(
                name: "Articles");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "Investments");

            migrationBuilder.DropTable(
                name: "Companies");
        }
    }
}
