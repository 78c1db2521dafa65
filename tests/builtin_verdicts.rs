//! The built-in checklists give the verdicts a senior reviewer would, and no average can hide one
//! unacceptable fact (issue 8, SPEC §4 rule 3).
//!
//! Every property is generated from the loaded checklists, not from a sample: for each deploy
//! mode, every applicable item answered at its best is READY, and each weighted item alone at its
//! worst is not (a gated item fails its gate, any other is a condition). The scenarios of the
//! practitioner's review of 1.1 (`shared/reviews/checklists-1.1.md`, section d and e), and those of
//! the senior review of 2.0 whose verdict the checklists had wrong (an EU bank self-hosting on
//! rented US GPUs, an agent with worse injection and jailbreak rates, no tested fallback, a
//! fork-only engine, a spot check lost 10 to 25, a screen with no engine to self-host on), are here
//! with the verdicts those reviews asked for, and the claims in the checklists' readiness comments
//! are checked against the engine.
//!
//! Assessments are written as files (scale answers as level indices, no checklist digest, which
//! SPEC §3 accepts) and read through the Store, so the tests exercise what a team's file does.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use weigh::assessment::store::{self, Lookup};
use weigh::checklist::{Checklist, Condition, Item, Kind, builtin};
use weigh::locate::Finder;
use weigh::score::{Action, Scorecard, Verdict};

const DEFAULT: &str = "open-weight-adoption";
const QUICK_SCREEN: &str = "quick-screen";
const MODES: [&str; 3] = ["API", "Self-host", "Both"];
/// Answer time and report time: nothing is stale.
const AT: &str = "2026-11-28T00:00:00Z";

fn load(id: &str) -> Checklist {
    builtin::load(id).expect("a built-in checklist loads and validates")
}

/// One answer's value, as an assessment file holds it.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Bool(bool),
    /// A scale level's 0-based index.
    Level(usize),
    /// A choice option's label, or a text answer.
    Text(String),
    Number(f64),
    Na,
}

/// Whether `item` applies when `deploy-mode` is `mode`. The built-ins route on deploy-mode
/// alone; another controller would need this helper to grow.
fn applies(item: &Item, mode: &str) -> bool {
    match &item.when {
        None => true,
        Some(when) => {
            assert_eq!(
                when.item, "deploy-mode",
                "{} routes on {}",
                item.id, when.item
            );
            match &when.condition {
                Condition::In(labels) => labels.iter().any(|l| l == mode),
                Condition::Is(_) => panic!("{}: deploy-mode is a choice", item.id),
            }
        }
    }
}

fn best(item: &Item) -> Value {
    match &item.kind {
        Kind::YesNo => Value::Bool(true),
        Kind::Scale { levels } => Value::Level(levels.len() - 1),
        Kind::Choice { options } => {
            let top = options
                .iter()
                .max_by(|a, b| a.score.total_cmp(&b.score))
                .expect("a choice has options");
            Value::Text(top.label.clone())
        }
        Kind::Number { best, .. } => Value::Number(*best),
        Kind::Text => Value::Text(format!("What the team wrote for {}.", item.id)),
    }
}

fn worst(item: &Item) -> Value {
    match &item.kind {
        Kind::YesNo => Value::Bool(false),
        Kind::Scale { .. } => Value::Level(0),
        Kind::Choice { options } => {
            let bottom = options
                .iter()
                .min_by(|a, b| a.score.total_cmp(&b.score))
                .expect("a choice has options");
            Value::Text(bottom.label.clone())
        }
        Kind::Number { worst, .. } => Value::Number(*worst),
        Kind::Text => panic!("{}: a text item has no worst", item.id),
    }
}

/// One step below the best: the next scale level down, the next-best choice option, a number
/// two thirds of the way from its worst to its best; yes/no and text stay at their best.
fn one_step_below(item: &Item) -> Value {
    match &item.kind {
        Kind::Scale { levels } => Value::Level(levels.len() - 2),
        Kind::Choice { options } => {
            let mut sorted: Vec<_> = options.iter().collect();
            sorted.sort_by(|a, b| b.score.total_cmp(&a.score));
            Value::Text(sorted[1].label.clone())
        }
        Kind::Number { best, worst, .. } => Value::Number(worst + (best - worst) * 2.0 / 3.0),
        Kind::YesNo | Kind::Text => best(item),
    }
}

/// A team's answers to one checklist in one deploy mode, by item id.
struct Scenario {
    checklist: Checklist,
    mode: &'static str,
    answers: BTreeMap<String, Value>,
    /// Items answered without their required evidence.
    no_evidence: Vec<String>,
}

impl Scenario {
    /// Every item that applies in `mode` answered at its best.
    fn best(id: &str, mode: &'static str) -> Scenario {
        Scenario::each(id, mode, best)
    }

    /// Every item that applies in `mode` answered with `value` (deploy-mode with `mode`).
    fn each(id: &str, mode: &'static str, value: fn(&Item) -> Value) -> Scenario {
        let checklist = load(id);
        let answers = checklist
            .items()
            .filter(|item| applies(item, mode))
            .map(|item| {
                let v = if item.id == "deploy-mode" {
                    Value::Text(mode.to_string())
                } else {
                    value(item)
                };
                (item.id.clone(), v)
            })
            .collect();
        Scenario {
            checklist,
            mode,
            answers,
            no_evidence: Vec::new(),
        }
    }

    fn set(mut self, id: &str, value: Value) -> Scenario {
        assert!(self.checklist.item(id).is_some(), "no item {id}");
        self.answers.insert(id.to_string(), value);
        self
    }

    fn level(self, id: &str, level: usize) -> Scenario {
        self.set(id, Value::Level(level))
    }

    fn option(self, id: &str, label: &str) -> Scenario {
        let item = self.checklist.item(id).expect("item");
        let Kind::Choice { options } = &item.kind else {
            panic!("{id} is not a choice");
        };
        assert!(
            options.iter().any(|o| o.label == label),
            "{id} has no option {label:?}"
        );
        self.set(id, Value::Text(label.to_string()))
    }

    fn number(self, id: &str, value: f64) -> Scenario {
        self.set(id, Value::Number(value))
    }

    fn worst(self, id: &str) -> Scenario {
        let value = worst(self.checklist.item(id).expect("item"));
        self.set(id, value)
    }

    fn without_evidence(mut self, id: &str) -> Scenario {
        self.no_evidence.push(id.to_string());
        self
    }

    /// The assessment file a team would commit, answers in checklist order.
    fn file(&self) -> String {
        let mut out = format!(
            "schema_version = 1\n\n[assessment]\nchecklist = {}\nchecklist_version = {}\n\
             created = {AT}\n\n[candidate]\nname = \"Candidate ({})\"\n",
            quote(&self.checklist.id),
            quote(&self.checklist.version),
            self.mode,
        );
        for item in self.checklist.items() {
            let Some(value) = self.answers.get(&item.id) else {
                continue;
            };
            let value = match value {
                Value::Bool(b) => format!("value = {b}"),
                Value::Level(l) => format!("value = {l}"),
                Value::Text(t) => format!("value = {}", quote(t)),
                Value::Number(n) => format!("value = {n:?}"),
                Value::Na => "na = true".to_string(),
            };
            write!(
                out,
                "\n[[answer]]\nitem = {}\nby = \"amy\"\n{value}\nat = {AT}\n",
                quote(&item.id)
            )
            .expect("writing to a String");
            if !self.no_evidence.contains(&item.id) {
                writeln!(out, "evidence = [\"evidence/{}.md\"]", item.id)
                    .expect("writing to a String");
            }
        }
        out
    }

    fn score(&self) -> Scorecard {
        let lookup = Lookup {
            finder: Finder::default(),
            explicit: Some(self.checklist.id.clone()),
        };
        let text = self.file();
        let loaded = store::load_text("scenario.toml", &text, &lookup)
            .unwrap_or_else(|e| panic!("the scenario does not load: {e}\n{text}"));
        assert!(
            loaded.warnings.diagnostics.is_empty(),
            "warnings: {}",
            loaded.warnings.render(false)
        );
        weigh::score::score(
            &loaded.checklist,
            &loaded.assessment,
            AT.parse().expect("time"),
        )
    }
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn result<'a>(card: &'a Scorecard, id: &str) -> &'a weigh::score::ItemScore {
    card.items.iter().find(|i| i.id == id).expect("item scored")
}

/// The items whose gates failed.
fn failed_gates(card: &Scorecard) -> Vec<&str> {
    card.items
        .iter()
        .filter(|i| i.gate_failed)
        .map(|i| i.id.as_str())
        .collect()
}

fn summary(card: &Scorecard) -> String {
    format!(
        "{:?}, overall {:?}, gates failed {:?}, actions {:?}",
        card.verdict,
        card.overall,
        failed_gates(card),
        card.actions
            .iter()
            .filter(|a| !matches!(a, Action::Improve { .. }))
            .collect::<Vec<_>>()
    )
}

fn modes_of(id: &str) -> Vec<&'static str> {
    let checklist = load(id);
    let Kind::Choice { options } = &checklist.item("deploy-mode").expect("deploy-mode").kind else {
        panic!("{id}: deploy-mode is a choice");
    };
    let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, MODES, "{id}: the deploy modes these tests walk");
    MODES.to_vec()
}

// ─── Every item, every deploy mode ──────────────────────────────────────────────────────────

#[test]
fn every_deploy_mode_answered_at_its_best_is_ready_with_nothing_to_do() {
    for id in [DEFAULT, QUICK_SCREEN] {
        for mode in modes_of(id) {
            let card = Scenario::best(id, mode).score();
            assert_eq!(
                card.verdict,
                Verdict::Ready,
                "{id} {mode}: {}",
                summary(&card)
            );
            assert_eq!(card.unanswered, 0, "{id} {mode}");
            assert!(card.actions.is_empty(), "{id} {mode}: {:?}", card.actions);
        }
    }
}

/// Each weighted item alone at its worst, the rest at their best: a gated item fails its gate
/// (NOT READY), any other is `at_worst` and a condition (READY WITH CONDITIONS). Never READY.
#[test]
fn every_weighted_item_alone_at_its_worst_withholds_ready() {
    let mut wrong = Vec::new();
    let mut checked = 0;
    for id in [DEFAULT, QUICK_SCREEN] {
        let checklist = load(id);
        for mode in modes_of(id) {
            for item in checklist
                .items()
                .filter(|i| i.weight > 0.0 && applies(i, mode))
            {
                checked += 1;
                let card = Scenario::best(id, mode).worst(&item.id).score();
                let got = result(&card, &item.id);
                let as_expected = if item.gate.is_some() {
                    card.verdict == Verdict::NotReady && failed_gates(&card) == [item.id.as_str()]
                } else {
                    card.verdict == Verdict::ReadyWithConditions
                        && got.at_worst
                        && card.actions.contains(&Action::AtWorst {
                            item: item.id.clone(),
                        })
                };
                if !as_expected {
                    wrong.push(format!("{id} {mode} {}: {}", item.id, summary(&card)));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "items at their worst with the wrong verdict:\n{}",
        wrong.join("\n")
    );
    // About 50 weighted items over three modes in the default and 12 in the screen: a change
    // that skipped most of them would show here.
    assert!(
        checked > 150,
        "only {checked} (checklist, mode, item) cases checked"
    );
}

#[test]
fn workload_outcome_at_its_worst_fails_its_gate_in_every_mode() {
    for mode in modes_of(DEFAULT) {
        let card = Scenario::best(DEFAULT, mode)
            .worst("workload-result")
            .score();
        assert_eq!(
            result(&card, "workload-result").score,
            Some(0.0),
            "{mode}: the worst outcome scores 0"
        );
        assert_eq!(failed_gates(&card), ["workload-result"], "{mode}");
        assert_eq!(card.verdict, Verdict::NotReady, "{mode}");
    }
}

#[test]
fn quick_screen_spot_check_at_its_worst_fails_its_gate_in_every_mode() {
    for mode in modes_of(QUICK_SCREEN) {
        let card = Scenario::best(QUICK_SCREEN, mode)
            .worst("spot-check-wins")
            .score();
        assert_eq!(failed_gates(&card), ["spot-check-wins"], "{mode}");
        assert_eq!(card.verdict, Verdict::NotReady, "{mode}");
    }
}

/// A text-only chat product with no tools and no parsed output answers N/A wherever the
/// checklist allows it; that is a scope, not a gap, so it is still READY.
#[test]
fn not_applicable_wherever_allowed_keeps_ready() {
    for id in [DEFAULT, QUICK_SCREEN] {
        for mode in modes_of(id) {
            let mut scenario = Scenario::best(id, mode);
            let allowed: Vec<String> = scenario
                .checklist
                .items()
                .filter(|i| i.na_allowed && applies(i, mode))
                .map(|i| i.id.clone())
                .collect();
            assert!(!allowed.is_empty(), "{id}: some item allows N/A");
            for item in &allowed {
                scenario = scenario.set(item, Value::Na);
            }
            let card = scenario.score();
            assert_eq!(
                card.verdict,
                Verdict::Ready,
                "{id} {mode}: {}",
                summary(&card)
            );
            assert!(allowed.iter().all(|i| result(&card, i).na), "{id} {mode}");
        }
    }
}

// ─── The workload outcome ───────────────────────────────────────────────────────────────────

#[test]
fn a_written_trade_off_passes_the_outcome_gate_but_scores_low_and_an_unaccepted_slice_loss_does_not()
 {
    let accepted = Scenario::best(DEFAULT, "API")
        .option(
            "workload-result",
            "Worse, trade-off accepted in writing by the product owner",
        )
        .score();
    let outcome = result(&accepted, "workload-result");
    assert!(!outcome.gate_failed, "{}", summary(&accepted));
    assert!(
        outcome.score.expect("scored") < 0.5,
        "a trade-off scores low: {:?}",
        outcome.score
    );
    assert!(
        accepted.actions.contains(&Action::Improve {
            item: "workload-result".into(),
            gain: 3.0 * (1.0 - outcome.score.unwrap()),
        }),
        "the accepted loss stays on the list to improve: {:?}",
        accepted.actions
    );

    let slice = Scenario::best(DEFAULT, "API")
        .option(
            "workload-result",
            "Worse on at least one agreed slice, equal or better overall",
        )
        .score();
    assert_eq!(failed_gates(&slice), ["workload-result"]);
    assert_eq!(slice.verdict, Verdict::NotReady);
}

/// An interval that reaches past the minimum effect and above zero is no outcome yet: recorded
/// honestly, it fails the outcome gate rather than passing as "within the noise margin".
#[test]
fn an_inconclusive_workload_result_fails_the_outcome_gate() {
    let card = Scenario::best(DEFAULT, "API")
        .option(
            "workload-result",
            "Inconclusive: the interval reaches below the minimum effect and above zero",
        )
        .score();
    assert_eq!(
        failed_gates(&card),
        ["workload-result"],
        "{}",
        summary(&card)
    );
    assert_eq!(card.verdict, Verdict::NotReady);
}

#[test]
fn an_evidence_required_answer_without_evidence_withholds_ready() {
    let card = Scenario::best(DEFAULT, "API")
        .without_evidence("workload-eval")
        .score();
    assert!(result(&card, "workload-eval").missing_evidence);
    assert_eq!(
        card.verdict,
        Verdict::ReadyWithConditions,
        "{}",
        summary(&card)
    );
}

// ─── The review's scenarios ─────────────────────────────────────────────────────────────────

/// A2: an interactive support chat through an API. The candidate is worse than the incumbent
/// beyond the noise margin, 10% dearer per successful task, with a 25 s p95 to the first visible
/// token and 15 tokens/s against a written budget of 2 s and 40 tokens/s; a few items sit at the
/// second level and the rest are good. 1.1 called this READY (80.5); it is unusable.
#[test]
fn review_a2_unusable_model_is_not_ready_on_outcome_and_latency() {
    let card = Scenario::best(DEFAULT, "API")
        .option(
            "workload-result",
            "Worse than the incumbent beyond the noise margin",
        )
        .number("cost-per-task", 110.0)
        .worst("latency-budget")
        .level("vendor-claims-reproduced", 2)
        .level("contamination-check", 2)
        .level("provider-feature-parity", 2)
        .level("jailbreak-resistance", 2)
        .score();
    assert_eq!(card.verdict, Verdict::NotReady, "{}", summary(&card));
    assert_eq!(
        failed_gates(&card),
        ["workload-result", "latency-budget"],
        "both blockers are named"
    );
}

/// A2 with the loss accepted in writing but still over the latency budget: the trade-off does
/// not buy back a product that is too slow.
#[test]
fn review_a2_with_the_loss_accepted_is_still_blocked_by_latency() {
    let card = Scenario::best(DEFAULT, "API")
        .option(
            "workload-result",
            "Worse, trade-off accepted in writing by the product owner",
        )
        .number("cost-per-task", 110.0)
        .worst("latency-budget")
        .score();
    assert_eq!(
        failed_gates(&card),
        ["latency-budget"],
        "{}",
        summary(&card)
    );
    assert_eq!(card.verdict, Verdict::NotReady);
}

/// B: a new product with no production traffic, so no production sample: 400 expert-written
/// cases with the method documented and a rubric, the candidate clearly better than the
/// alternative it would otherwise adopt. Monitoring is rehearsed in staging only, since there
/// is no production yet. Everything else is good. 1.1 held this NOT READY on a gate that
/// demanded production traffic.
#[test]
fn review_b_greenfield_with_an_expert_written_set_is_ready() {
    let card = Scenario::best(DEFAULT, "API")
        .set(
            "incumbent-model",
            Value::Text(
                "No incumbent: the alternative is a closed API model at its dated version; \
                 primary metric task success, minimum effect 3 points"
                    .into(),
            ),
        )
        .level("workload-eval", 2)
        .option(
            "workload-result",
            "Better beyond the noise margin, no agreed slice worse",
        )
        .level("monitoring-rollback", 2)
        .score();
    assert!(failed_gates(&card).is_empty(), "{}", summary(&card));
    assert_eq!(card.verdict, Verdict::Ready, "{}", summary(&card));
}

/// C1: the screen's spot check clearly lost, 3 or more extra refusals or one-sided answers on the
/// sensitive probe, red flags that touch the team's users. 1.1 called this READY (70.6).
#[test]
fn review_c1_lost_spot_check_with_censorship_and_red_flags_is_not_ready() {
    let card = Scenario::best(QUICK_SCREEN, "API")
        .worst("spot-check-wins")
        .worst("sensitive-probe")
        .level("red-flags", 1)
        .score();
    assert_eq!(card.verdict, Verdict::NotReady, "{}", summary(&card));
    assert_eq!(failed_gates(&card), ["spot-check-wins"]);
    assert!(result(&card, "sensitive-probe").at_worst);
}

/// C2: the spot check clearly lost, everything else good. 1.1 called this READY (83.3).
#[test]
fn review_c2_lost_spot_check_alone_is_not_ready() {
    let card = Scenario::best(QUICK_SCREEN, "API")
        .level("spot-check-wins", 0)
        .score();
    assert_eq!(card.verdict, Verdict::NotReady, "{}", summary(&card));
    assert_eq!(failed_gates(&card), ["spot-check-wins"]);
}

/// C3: a team that can only self-host and has no hardware for the model. 1.1 called this READY
/// (85.9), though its own guidance said the full assessment could wait.
#[test]
fn review_c3_self_host_only_without_hardware_is_not_ready() {
    let card = Scenario::best(QUICK_SCREEN, "Self-host")
        .option("hardware-fit", "No")
        .score();
    assert_eq!(card.verdict, Verdict::NotReady, "{}", summary(&card));
    assert_eq!(failed_gates(&card), ["hardware-fit"]);
    // With a provider path as well, the same team still needs the hardware it said it would use.
    let both = Scenario::best(QUICK_SCREEN, "Both")
        .option("hardware-fit", "No")
        .score();
    assert_eq!(failed_gates(&both), ["hardware-fit"]);
}

/// The screen's other knock-outs: weights not out, a modality missing from the weights, no
/// provider for API use, a licence that forbids the use, a ban on the weights.
#[test]
fn quick_screen_knock_outs_end_the_screen() {
    let cases: [(&str, Value); 5] = [
        ("release-status", Value::Level(1)),
        ("modalities-in-weights", Value::Bool(false)),
        ("provider-count", Value::Number(0.0)),
        ("licence", Value::Text("Forbids your use".into())),
        ("red-flags", Value::Level(0)),
    ];
    for (id, value) in cases {
        let card = Scenario::best(QUICK_SCREEN, "API").set(id, value).score();
        assert_eq!(failed_gates(&card), [id], "{}", summary(&card));
        assert_eq!(card.verdict, Verdict::NotReady);
    }
    // A ban on the developer's own app, which the team would not use, is not one.
    let app_ban = Scenario::best(QUICK_SCREEN, "API")
        .level("red-flags", 2)
        .score();
    assert!(failed_gates(&app_ban).is_empty(), "{}", summary(&app_ban));
}

// ─── The review of 2.0's scenarios ──────────────────────────────────────────────────────────

/// The text of a scale item's level, so that a scenario says in words what it answers.
fn level_text(checklist: &Checklist, id: &str, level: usize) -> String {
    let Kind::Scale { levels } = &checklist.item(id).expect("item").kind else {
        panic!("{id} is not a scale");
    };
    levels[level].clone()
}

/// E: an EU bank self-hosts the weights on GPUs rented in a US region, with EU personal data in
/// the prompts; everything else is at its best. 2.0 called this READY (100), because the data
/// terms and provider review applied to API use only and nothing asked for model-risk
/// validation. Until the cloud's terms, the transfer basis and the DPIA are in place, the cloud is
/// approved and the model-risk function has validated the model, it is NOT READY.
#[test]
fn review2_e_eu_bank_self_hosting_on_rented_us_gpus_is_not_ready() {
    let checklist = load(DEFAULT);
    for id in [
        "data-handling",
        "provider-assurance",
        "model-risk-validation",
    ] {
        assert!(
            applies(checklist.item(id).expect("item"), "Self-host"),
            "{id} must be asked when self-hosting"
        );
    }
    assert!(level_text(&checklist, "data-handling", 1).contains("DPIA"));
    let card = Scenario::best(DEFAULT, "Self-host")
        .level("data-handling", 1)
        .level("provider-assurance", 1)
        .level("model-risk-validation", 1)
        .score();
    assert_eq!(card.verdict, Verdict::NotReady, "{}", summary(&card));
    assert_eq!(
        failed_gates(&card),
        [
            "data-handling",
            "provider-assurance",
            "model-risk-validation"
        ]
    );
    // Once read: a US region that the bank's transfer rules forbid is a blocker on its own.
    let forbidden = Scenario::best(DEFAULT, "Self-host")
        .worst("data-handling")
        .score();
    assert_eq!(failed_gates(&forbidden), ["data-handling"]);
    assert!(level_text(&checklist, "data-handling", 0).contains("transfer rules forbid"));
}

/// I: an agent that reads email and calls tools, with only public reports on prompt injection,
/// jailbreaks, triggered behaviour, privacy and bias. 2.0 called this READY (92.7).
#[test]
fn review2_i_agent_without_its_own_injection_tests_is_not_ready() {
    let card = Scenario::best(DEFAULT, "API")
        .level("prompt-injection", 1)
        .level("jailbreak-resistance", 1)
        .level("hidden-behaviour", 1)
        .level("privacy", 1)
        .level("bias", 1)
        .score();
    assert_eq!(card.verdict, Verdict::NotReady, "{}", summary(&card));
    assert_eq!(failed_gates(&card), ["prompt-injection"]);
}

/// I2: the same agent, tested: injection and jailbreak success rates above the incumbent's
/// beyond the noise margin, trigger differences unmitigated, privacy from documentation only, 15%
/// over-refusal. 2.0 called this READY (94.8): the measured regressions were averaged away.
#[test]
fn review2_i2_agent_with_worse_injection_and_jailbreak_rates_is_not_ready() {
    let checklist = load(DEFAULT);
    for id in [
        "prompt-injection",
        "jailbreak-resistance",
        "hidden-behaviour",
    ] {
        assert!(
            level_text(&checklist, id, 0).contains("beyond the noise margin"),
            "{id}: a measured regression is its worst level"
        );
    }
    let card = Scenario::best(DEFAULT, "API")
        .worst("prompt-injection")
        .worst("jailbreak-resistance")
        .worst("hidden-behaviour")
        .level("privacy", 1)
        .number("over-refusal", 15.0)
        .score();
    assert_eq!(card.verdict, Verdict::NotReady, "{}", summary(&card));
    assert_eq!(failed_gates(&card), ["prompt-injection"]);
    for id in ["jailbreak-resistance", "hidden-behaviour"] {
        assert!(result(&card, id).at_worst, "{id}: {}", summary(&card));
    }
}

/// I3: injection resisted as well as the incumbent, but jailbreak success and trigger differences
/// worse and unmitigated. 2.0 called this READY (98.0); it is READY WITH CONDITIONS, the two
/// regressions named.
#[test]
fn review2_i3_worse_jailbreak_and_trigger_results_are_conditions() {
    let card = Scenario::best(DEFAULT, "API")
        .worst("jailbreak-resistance")
        .worst("hidden-behaviour")
        .score();
    assert_eq!(
        card.verdict,
        Verdict::ReadyWithConditions,
        "{}",
        summary(&card)
    );
    for id in ["jailbreak-resistance", "hidden-behaviour"] {
        assert!(card.actions.contains(&Action::AtWorst { item: id.into() }));
    }
}

/// F: a new model through an API with a fallback named but never tested, a rollback by
/// configuration never rehearsed and an incident owner without a plan. 2.0 called this READY
/// (95.0).
#[test]
fn review2_f_no_tested_fallback_or_rehearsed_rollback_is_not_ready() {
    let card = Scenario::best(DEFAULT, "API")
        .level("capacity-plan", 1)
        .level("monitoring-rollback", 1)
        .level("incident-response", 1)
        .score();
    assert_eq!(card.verdict, Verdict::NotReady, "{}", summary(&card));
    assert_eq!(
        failed_gates(&card),
        ["capacity-plan", "monitoring-rollback"]
    );
}

/// S: a self-hosted trillion-parameter MoE whose engine support exists only in a fork nobody on
/// the team has run, hardware on order, no on-call owner, versions pinned but unreviewed. 2.0
/// called this READY (91.8). Running the fork and passing the template and parser tests is what
/// clears the gate; a released engine is still better.
#[test]
fn review2_s_fork_only_engine_never_run_is_not_ready() {
    let fork_not_run = Scenario::best(DEFAULT, "Self-host")
        .level("serving-stack", 1)
        .level("hardware-fit", 2)
        .level("self-host-ownership", 1)
        .level("inference-code-provenance", 1)
        .score();
    assert_eq!(
        fork_not_run.verdict,
        Verdict::NotReady,
        "{}",
        summary(&fork_not_run)
    );
    assert_eq!(failed_gates(&fork_not_run), ["serving-stack"]);

    let fork_run_and_tested = Scenario::best(DEFAULT, "Self-host")
        .level("serving-stack", 2)
        .score();
    assert!(
        failed_gates(&fork_run_and_tested).is_empty(),
        "{}",
        summary(&fork_run_and_tested)
    );
    let checklist = load(DEFAULT);
    assert!(level_text(&checklist, "serving-stack", 2).contains("a fork"));
}

/// The screen's spot check scores wins against losses; ties count for neither. The level as the
/// level texts define it: the margin is twice the square root of the decided pairs.
fn spot_check_level(wins: u32, losses: u32) -> usize {
    let margin = 2.0 * f64::from(wins + losses).sqrt();
    let lead = f64::from(wins) - f64::from(losses);
    if lead < -margin {
        0
    } else if lead < 0.0 {
        1
    } else if lead <= margin {
        2
    } else {
        3
    }
}

/// Q1: 50 pairs, 10 won, 15 tied, 25 lost; no independent results yet; one or two extra
/// failures on the sensitive probe; an MIT licence; red flags that touch no user. 2.0 counted
/// ties for the candidate and said READY (73.3). A 25 to 10 loss is clear at these numbers.
#[test]
fn review2_q1_spot_check_lost_10_to_25_with_15_ties_is_not_ready() {
    let level = spot_check_level(10, 25);
    assert_eq!(level, 0);
    let checklist = load(QUICK_SCREEN);
    assert!(level_text(&checklist, "spot-check-wins", level).starts_with("Clearly behind"));
    let card = Scenario::best(QUICK_SCREEN, "API")
        .level("spot-check-wins", level)
        .level("independent-results", 1)
        .level("sensitive-probe", 1)
        .level("red-flags", 2)
        .score();
    assert_eq!(card.verdict, Verdict::NotReady, "{}", summary(&card));
    assert_eq!(failed_gates(&card), ["spot-check-wins"]);
}

/// Behind within the noise (say 16 wins, 20 losses) with no independent results yet passes the
/// gate, but the signal dimension falls under its floor: a cheaper candidate worth a closer look,
/// READY WITH CONDITIONS, as the readiness comment says.
#[test]
fn quick_screen_spot_check_behind_within_noise_is_a_condition_not_a_pass() {
    let level = spot_check_level(16, 20);
    assert_eq!(level, 1);
    let card = Scenario::best(QUICK_SCREEN, "API")
        .level("spot-check-wins", level)
        .level("independent-results", 1)
        .score();
    assert!(failed_gates(&card).is_empty(), "{}", summary(&card));
    let signal = card
        .dimensions
        .iter()
        .find(|d| d.id == "signal")
        .expect("dimension");
    assert!(signal.below_floor, "{:?}", signal.score);
    assert_eq!(signal.score.map(f64::round), Some(33.0));
    assert_eq!(card.verdict, Verdict::ReadyWithConditions);
}

/// A team that would self-host, in launch week, with no engine that runs the architecture:
/// nothing to evaluate on, so the screen ends. Support only in a fork passes, at a cost.
#[test]
fn review2_quick_screen_self_host_with_no_engine_support_is_not_ready() {
    for mode in ["Self-host", "Both"] {
        let card = Scenario::best(QUICK_SCREEN, mode)
            .option("serving-engine", "No engine support")
            .score();
        assert_eq!(
            card.verdict,
            Verdict::NotReady,
            "{mode}: {}",
            summary(&card)
        );
        assert_eq!(failed_gates(&card), ["serving-engine"], "{mode}");
        let fork = Scenario::best(QUICK_SCREEN, mode)
            .option(
                "serving-engine",
                "Only a fork, an unmerged pull request, a nightly build or the developer's own engine",
            )
            .score();
        assert!(failed_gates(&fork).is_empty(), "{mode}: {}", summary(&fork));
    }
    let api = load(QUICK_SCREEN);
    assert!(!applies(api.item("serving-engine").expect("item"), "API"));
}

/// P: a self-hosting team whose per-token serving cost sits above the default price ranges but
/// whose cost per successful task is 70% of a premium incumbent's. The per-token prices only feed
/// `cost-per-task` and carry no weight, so they do not withhold READY (2.0 said CONDITIONS).
#[test]
fn review2_p_high_token_prices_with_a_low_cost_per_task_is_ready() {
    let card = Scenario::best(DEFAULT, "Self-host")
        .number("price-input-mtok", 2.5)
        .number("price-output-mtok", 12.0)
        .number("cost-per-task", 70.0)
        .score();
    assert_eq!(card.verdict, Verdict::Ready, "{}", summary(&card));
}

/// T: the developer publishes weights and a benchmark table only. The levels describe what the
/// team reviewed, so a reviewed, thin disclosure is not an item at its worst (2.0 said
/// CONDITIONS, against its own guidance).
#[test]
fn review2_t_a_thin_disclosure_reviewed_is_not_a_condition() {
    let card = Scenario::best(DEFAULT, "API")
        .level("developer-transparency", 1)
        .score();
    assert_eq!(card.verdict, Verdict::Ready, "{}", summary(&card));
    let unreviewed = Scenario::best(DEFAULT, "API")
        .worst("developer-transparency")
        .score();
    assert_eq!(unreviewed.verdict, Verdict::ReadyWithConditions);
}

// ─── What the readiness comments say ────────────────────────────────────────────────────────

/// Every applicable item one step below its best (see [`one_step_below`]) in every deploy mode:
/// no gate fails, the overall lies in `range` (what the readiness comment says), and the verdict
/// is READY WITH CONDITIONS.
fn assert_one_step_below_best(id: &str, range: std::ops::Range<f64>, comment: &str) {
    for mode in modes_of(id) {
        let card = Scenario::each(id, mode, one_step_below).score();
        let overall = card.overall.expect("scored");
        assert!(
            failed_gates(&card).is_empty(),
            "{id} {mode}: {}",
            summary(&card)
        );
        assert!(
            range.contains(&overall),
            "{id} {mode}: the readiness comment says {comment}, got {overall}"
        );
        assert_eq!(card.verdict, Verdict::ReadyWithConditions, "{id} {mode}");
    }
}

/// "With every scale and choice item one level below its best, every number two thirds of the
/// way from its worst to its best and yes/no items at yes, the overall is about 68 to 69".
#[test]
fn default_one_step_below_best_everywhere_is_conditions_in_every_mode() {
    assert_one_step_below_best(DEFAULT, 67.5..69.5, "about 68 to 69");
}

/// "With every item one step below its best (gates still passed) the overall is about 65 to 67".
#[test]
fn quick_screen_one_step_below_best_everywhere_is_conditions_in_every_mode() {
    assert_one_step_below_best(QUICK_SCREEN, 64.5..67.5, "about 65 to 67");
}

/// "A licence still unclear, red flags that touch your users and one or two extra failures on the
/// sensitive probe put that dimension at 37: READY WITH CONDITIONS at best, though the overall
/// is 79."
#[test]
fn quick_screen_floor_catches_a_weak_licence_and_policy_picture() {
    let card = Scenario::best(QUICK_SCREEN, "API")
        .option("licence", "Unclear; needs a legal reading")
        .level("red-flags", 1)
        .level("sensitive-probe", 1)
        .score();
    let policy = card
        .dimensions
        .iter()
        .find(|d| d.id == "licence-policy")
        .expect("dimension");
    assert!(policy.below_floor, "{:?}", policy.score);
    assert_eq!(policy.score.map(f64::round), Some(37.0));
    assert_eq!(card.overall.map(f64::round), Some(79.0));
    assert_eq!(card.verdict, Verdict::ReadyWithConditions);
}

#[test]
fn builtins_withhold_ready_for_an_item_at_its_worst() {
    for id in [DEFAULT, QUICK_SCREEN] {
        assert!(
            load(id).readiness.worst_blocks_ready,
            "{id}: an item at its worst must not be averaged away"
        );
    }
}
