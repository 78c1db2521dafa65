//! The vocabulary the corpus is written in: dimensions, topics, rubrics, notes and evidence of
//! the kind a team adopting an open-weight model actually writes, so that strings have realistic
//! lengths, shared prefixes and punctuation (what a parser and a string compare actually see).

/// A dimension: id, title and the topics its items ask about.
pub struct DimensionWords {
    /// Kebab-case id.
    pub id: &'static str,
    /// Human title.
    pub title: &'static str,
    /// What the dimension covers (Markdown).
    pub description: &'static str,
    /// Topics of its items, each a kebab-case slug and a phrase.
    pub topics: &'static [(&'static str, &'static str)],
}

/// The four dimensions of the synthetic checklists.
pub const DIMENSIONS: [DimensionWords; 4] = [
    DimensionWords {
        id: "real-world",
        title: "Benchmark vs real-world performance",
        description: "Whether the vendor's numbers survive a standard harness, fresh data and, above all, *your* workload against the incumbent.",
        topics: &[
            (
                "workload-eval",
                "evaluation on a representative sample of your own workload",
            ),
            (
                "tool-call-validity",
                "validity of tool calls under the shipped settings",
            ),
            ("json-validity", "validity of structured JSON output"),
            (
                "long-context-recall",
                "recall over long inputs near the advertised context length",
            ),
            (
                "multilingual-quality",
                "answer quality in your users' languages",
            ),
            ("code-generation", "code generation on your repositories"),
            (
                "summary-faithfulness",
                "faithfulness of summaries to their sources",
            ),
            (
                "instruction-following",
                "instruction following with your system prompt",
            ),
            (
                "contamination-check",
                "performance on data the model cannot have seen",
            ),
            ("regression-suite", "the product's regression suite"),
        ],
    },
    DimensionWords {
        id: "infrastructure",
        title: "Inference infrastructure availability",
        description: "Whether you can get the model served, by enough providers or on hardware you can obtain, at a price and under terms you accept.",
        topics: &[
            ("provider-count", "providers serving the exact revision"),
            ("price-per-task", "cost per completed task"),
            ("latency-p95", "95th-percentile latency at production load"),
            ("throughput", "sustained throughput per accelerator"),
            ("quantization-quality", "quality of the quantized weights"),
            ("serving-engine", "support in the serving engine you run"),
            ("rate-limits", "rate limits and quotas"),
            (
                "region-availability",
                "availability in the regions you serve",
            ),
            ("accelerator-supply", "supply of the accelerators it needs"),
            (
                "context-support",
                "the context length providers actually support",
            ),
        ],
    },
    DimensionWords {
        id: "safety",
        title: "Safety and content policies",
        description: "Whether the licence permits your use and the model's behaviour fits your policy and your regulators.",
        topics: &[
            ("licence-review", "the licence and its use restrictions"),
            (
                "content-policy",
                "topic avoidance inherited from the training regime",
            ),
            ("jailbreak-resistance", "resistance to known jailbreaks"),
            ("refusal-rate", "over-refusal on legitimate requests"),
            ("pii-leakage", "leakage of personal data"),
            ("bias-audit", "bias across protected groups"),
            (
                "weight-provenance",
                "provenance and integrity of the weights",
            ),
            ("export-review", "export-control and sanctions review"),
            ("red-team", "an internal red-team exercise"),
            (
                "data-handling",
                "the provider's data retention and training terms",
            ),
        ],
    },
    DimensionWords {
        id: "operations",
        title: "Operations and governance",
        description: "Whether the team can run, watch, roll back and account for the model once it ships.",
        topics: &[
            ("monitoring", "quality and cost monitoring in production"),
            ("rollback-plan", "a tested rollback to the incumbent"),
            (
                "incident-runbook",
                "the on-call runbook for model incidents",
            ),
            ("audit-logging", "audit logging of prompts and outputs"),
            ("cost-tracking", "cost attribution per product feature"),
            (
                "vendor-support",
                "support terms from the provider or the lab",
            ),
            (
                "revision-pinning",
                "pinning and upgrading the model revision",
            ),
            (
                "capacity-plan",
                "the capacity plan for the next two quarters",
            ),
            ("sign-off", "sign-off by the accountable owners"),
            (
                "user-feedback",
                "a channel for user reports about the model",
            ),
        ],
    },
];

/// Teams whose extensions make a large organisation's checklist long; they prefix item ids.
pub const TEAMS: [&str; 8] = [
    "core", "search", "payments", "support", "platform", "mobile", "ads", "research",
];

/// Where or how a question is asked, appended to a topic.
pub const SETTINGS: [&str; 10] = [
    "on production traffic",
    "in the thinking mode you will ship",
    "against the incumbent model",
    "for users in the EU",
    "with the fp8 weights",
    "after the latest revision",
    "for the agentic workflows",
    "under peak load",
    "for batch jobs",
    "for the customer-support assistant",
];

/// Question stems; `{}` is replaced by the topic and setting.
pub const STEMS: [&str; 5] = [
    "Have you measured {}?",
    "Is {} acceptable?",
    "How well documented is {}?",
    "Has the accountable owner reviewed {}?",
    "How does the candidate compare on {}?",
];

/// Sentences of guidance (Markdown); the first names the topic.
pub const GUIDANCE: [&str; 12] = [
    "Vendor tables are produced with the vendor's prompts and settings, and each of those choices can move a score by several points.",
    "Record the harness version, the prompts, the temperature, the chat template and the exact model revision, so that the result can be repeated.",
    "Compare against the model you run today, in the configuration you will ship; a comparison against a vague \"current model\" cannot be repeated.",
    "A sample of **at least 100** cases drawn from last month's traffic, scored with a written rubric, is the minimum that separates signal from noise.",
    "Use `lm-evaluation-harness` or `lighteval` at the settings in the model card, and keep the raw outputs next to the summary.",
    "Answers here go stale quickly: providers, prices and quotas change monthly, so re-check before each rollout stage.",
    "If the product does not depend on this, mark it not applicable and say why in the note.",
    "Good looks like: a dated, linked report that a reviewer who was not in the room can follow.",
    "- Name the slices you cut (language, tenant, request length).\n- State the margin you treat as noise.\n- Link the raw data.",
    "Disagreement between assessors usually means they saw different evidence; talk before you average.",
    "Check the licence text itself, not a summary of it; *acceptable-use* annexes are where restrictions hide.",
    "Quantized weights can lose several points on long inputs even when short benchmarks look identical.",
];

/// Rubric levels, worst to best; `{}` is replaced by a short topic noun.
pub const LEVEL_SETS: [&[&str]; 4] = [
    &[
        "Not evaluated",
        "Spot-checked on a few prompts",
        "At least 100 representative cases with a rubric",
        "At least 1,000 cases, automated, compared with the incumbent",
    ],
    &[
        "Unknown",
        "Vendor claims only",
        "Reproduced with a standard harness",
        "Reproduced on fresh data, within the noise of the claims",
        "Verified on our own data and signed off by the owner",
    ],
    &[
        "Blocking issues found",
        "Issues found, mitigation planned",
        "Minor issues, mitigated",
        "No issues found after a documented review",
    ],
    &[
        "Worse than the incumbent on most slices",
        "Worse on some slices, better on others",
        "Within the noise margin overall and on every agreed slice",
        "Better overall and on every agreed slice",
    ],
];

/// Choice options: label, score, description.
pub const OPTION_SETS: [&[(&str, f64, &str)]; 3] = [
    &[
        (
            "Not permitted",
            0.0,
            "The terms forbid our use, or nobody has read them.",
        ),
        (
            "Permitted with conditions",
            0.5,
            "Allowed, with attribution, caps or an acceptable-use annex we must follow.",
        ),
        (
            "Permitted",
            1.0,
            "An OSI-approved licence with no added use restrictions.",
        ),
    ],
    &[
        ("None", 0.0, "No provider or engine serves it today."),
        ("One", 0.4, "A single provider or engine, so no fallback."),
        ("Two or three", 0.8, "Enough for a fallback."),
        (
            "Four or more",
            1.0,
            "A market: price and capacity competition.",
        ),
    ],
    &[
        ("Open", 0.0, "Review not started or blocked."),
        ("In progress", 0.3, "Review started; owner and date known."),
        (
            "Approved with actions",
            0.7,
            "Approved; actions tracked with owners.",
        ),
        ("Approved", 1.0, "Approved without actions."),
    ],
];

/// Routing options for `when` controllers (every option scores 1; weight 0).
pub const ROUTES: [&str; 3] = ["API", "Self-host", "Both"];

/// Units for `number` items: unit, best, worst, whether answers are whole numbers.
pub const UNITS: [(&str, f64, f64, bool); 5] = [
    ("ms", 300.0, 3000.0, true),
    ("%", 99.0, 80.0, false),
    ("USD per 1M tokens", 0.5, 15.0, false),
    ("tokens/s", 120.0, 10.0, true),
    ("providers", 6.0, 0.0, true),
];

/// Assessors: realistic mixes of `git config user.name` and `$USER` spellings.
pub const ASSESSORS: [&str; 12] = [
    "Priya Raman",
    "Sam Okafor",
    "lena",
    "Jonas Weber",
    "Mei Chen",
    "ahmed.k",
    "Olivia Brooks",
    "Tomás García",
    "yuki",
    "Dmitri Volkov",
    "Ama Mensah",
    "Noor Haddad",
];

/// Model vendors, families and sizes for candidate names.
pub const VENDORS: [&str; 8] = [
    "Nimbus",
    "Qwerty",
    "DeepCurrent",
    "Mistwood",
    "Kestrel",
    "Halcyon",
    "Orca",
    "Lumen",
];

/// Model families.
pub const FAMILIES: [&str; 6] = ["Chat", "Coder", "Reasoner", "Instruct", "MoE", "Vision"];

/// Parameter counts.
pub const SIZES: [&str; 6] = ["8B", "32B", "70B", "235B-A22B", "480B-A35B", "1T-A32B"];

/// Note fragments; a note joins one or two.
pub const NOTES: [&str; 14] = [
    "Measured on 1,200 cases from last month's traffic.",
    "Within the noise margin overall; the German slice is 3 points down.",
    "Provider B's endpoint truncates at 128k tokens, not the advertised 1M.",
    "Rerun pending with the fp8 weights; the bf16 run is linked.",
    "Only the vendor's own numbers so far.",
    "Owner signed off in the weekly review.",
    "Two jailbreaks from the public list still work; mitigation in the system prompt.",
    "Latency p95 measured at 40 requests/s for 30 minutes.",
    "Legal asked for the acceptable-use annex; not yet received.",
    "Automated nightly; results in the dashboard.",
    "Disagree with the others: the sample over-represents short prompts.",
    "Same as the previous revision; nothing in the changelog affects this.",
    "Quota raised to 2M tokens/min after the support ticket.",
    "Checked the licence text itself, not the model card's summary.",
];

/// Text answers (kind `text`).
pub const TEXTS: [&str; 5] = [
    "Current production model, pinned API version, temperature 0.2",
    "Thinking mode off, max output 4,096 tokens, our standard system prompt",
    "Provider A primary, provider B fallback, both in eu-west",
    "Self-hosted on 8 accelerators with the serving engine's default scheduler",
    "Support assistant and internal search; no customer-facing code generation",
];
