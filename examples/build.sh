#!/usr/bin/env bash
# Rebuilds the example assessments with `weigh answer`, as a team would. The examples are
# ILLUSTRATIONS: plausible answers written to show weigh's output, not real evaluations of
# these models. Run from the repository root: bash examples/build.sh
set -euo pipefail
cd "$(dirname "$0")"
weigh=(cargo run --quiet --manifest-path ../Cargo.toml --)
export WEIGH_NOW=2026-11-02T09:00:00Z
rm -f qwen3-235b-a22b.toml deepseek-v3.toml llama-3.1-405b.toml gpt-oss-120b-screen.toml

# a FILE ITEM VALUE WHO DATE [more weigh answer options]
a() {
  local file=$1 item=$2 value=$3 who=$4 at=$5
  shift 5
  "${weigh[@]}" answer "$file" "$item" "$value" --as "$who" --at "$at" "$@" 2>/dev/null
}

# na FILE ITEM WHO DATE [more options]: not applicable
na() {
  local file=$1 item=$2 who=$3 at=$4
  shift 4
  "${weigh[@]}" answer "$file" "$item" --na --as "$who" --at "$at" "$@" 2>/dev/null
}

# Qwen3-235B-A22B through providers: no gate fails, a few weak spots and one item at its worst
# (triggered behaviour never tested): READY WITH CONDITIONS.
f=qwen3-235b-a22b.toml
new=(--candidate "Qwen3-235B-A22B (illustration)" --model Qwen/Qwen3-235B-A22B)
a $f deploy-mode API priya 2026-11-02 "${new[@]}" --note "Illustration: providers first; self-hosting revisited in Q2."
a $f incumbent-model "Current production model, pinned API version, temperature 0.2; candidate with thinking off; primary metric: resolved tickets, minimum effect 2 points" priya 2026-11-02
a $f sampling-settings 2 sam 2026-11-03 --note "Card settings for non-thinking mode; three repeats of the eval set spread by 0.8 points."
a $f vendor-claims-reproduced 2 sam 2026-11-03 --evidence evals/qwen3/harness-summary.md --note "LiveCodeBench 4 points under the card, outside the interval; thinking-mode settings unclear."
a $f contamination-check 2 sam 2026-11-03 --evidence evals/qwen3/livebench-private.md
a $f workload-eval 3 priya 2026-11-05 --evidence evals/qwen3/workload-1200.md
a $f workload-eval 2 sam 2026-11-05 --evidence evals/qwen3/workload-1200.md --note "Automated, but the incumbent comparison covers only 2 of 5 slices."
a $f workload-result "Within the noise margin overall and on every agreed slice" priya 2026-11-05 --evidence evals/qwen3/workload-1200.md
a $f agentic-eval 2 sam 2026-11-06 --evidence evals/qwen3/agent-tasks-60.md --note "Single runs only; pass^k not measured yet."
a $f instruction-following 3 sam 2026-11-05 --evidence evals/qwen3/constraints.csv
a $f instruction-following 1 mei 2026-11-06 --evidence evals/qwen3/constraints-multilingual.csv --note "Our constraint suite covers English only; for Japanese and German we have IFEval numbers alone."
a $f structured-output-delivered 99.6 sam 2026-11-06 --evidence evals/qwen3/json-validity.csv --note "First pass 97.9%; one retry."
a $f tool-call-validity 96.2 sam 2026-11-06 --evidence evals/qwen3/tool-calls.csv
a $f long-context 2 priya 2026-11-06 --evidence evals/qwen3/ruler-128k.md
na $f multimodal-claims priya 2026-11-02 --note "Text-only product."
a $f languages 2 mei 2026-11-07 --evidence evals/qwen3/languages.md
a $f latency-budget 2 sam 2026-11-08 --evidence evals/qwen3/load-test.md --note "Budget 2 s to first token, 40 tokens/s. Thinking off: 1.8 s p95, 42 tokens/s. With thinking on the first visible token took 14 s at p95."
a $f failure-analysis 2 mei 2026-11-08 --evidence evals/qwen3/failures.md
a $f release-status 4 priya 2026-11-02 --evidence https://huggingface.co/Qwen/Qwen3-235B-A22B
a $f provider-count 4 priya 2026-11-02 --evidence https://models.dev
a $f providers-full-context 2 priya 2026-11-02 --evidence https://models.dev --note "Two of the four serve the full 131,072 tokens; two cap at 32,768, enough for our 12K p95 but no fallback for long documents."
a $f provider-portability yes sam 2026-11-09
a $f cost-per-task 70 priya 2026-11-06 --evidence evals/qwen3/cost-per-task.md --note "Thinking off; 30% more tokens per answer than the incumbent, at a third of the price; 85% of tokens are input."
a $f price-input-mtok 0.2 priya 2026-11-02
a $f price-output-mtok 0.6 priya 2026-11-02
a $f pricing-modes 2 priya 2026-11-06 --note "Prompt caching at the primary provider, 61% hit rate on replayed traffic; the fallback has none."
a $f provider-feature-parity 2 sam 2026-11-09
a $f provider-quality-parity 1 sam 2026-11-09 --evidence https://example.org/provider-variance-study
a $f revision-pinning 2 priya 2026-11-09 --evidence legal/provider-a-deprecation-policy.md
a $f data-handling 3 mei 2026-11-10 --evidence legal/dpa-provider-a.pdf
a $f provider-assurance 2 mei 2026-11-10 --evidence security/provider-a-review.md --note "Provider B's review starts next week."
a $f rate-limits-sla 2 priya 2026-11-10 --evidence legal/provider-a-quota.pdf
a $f capacity-plan 2 priya 2026-11-10 --evidence ops/qwen3-failover-staging.md --note "Failover to the incumbent tested in staging; not yet in production."
a $f licence "OSI-approved licence (e.g. Apache-2.0, MIT) with no added use restrictions" mei 2026-11-02 --evidence https://www.apache.org/licenses/LICENSE-2.0
a $f legal-export 2 mei 2026-11-11 --evidence legal/review-2026-11.md
na $f model-risk-validation mei 2026-11-11 --note "No regulator supervises our support models."
a $f ip-indemnity 2 mei 2026-11-11 --note "No indemnity from either provider; accepted by legal for support answers."
a $f content-policy 3 mei 2026-11-12 --evidence safety/policy-suite-14-categories.md
a $f regional-censorship 2 mei 2026-11-12 --evidence safety/regional-120.md
a $f jailbreak-resistance 2 sam 2026-11-12 --evidence safety/harmbench.md
a $f prompt-injection 2 sam 2026-11-12 --evidence safety/agentdojo.md
a $f hidden-behaviour 0 sam 2026-11-12 --evidence safety/test-plan.md --note "Not tested yet; planned for the week of 23 November."
a $f over-refusal 6.5 mei 2026-11-12 --evidence safety/over-refusal-own-120.md
a $f adjustability 2 mei 2026-11-13
a $f privacy 2 mei 2026-11-13
a $f bias 1 mei 2026-11-13
a $f developer-transparency 2 priya 2026-11-13
a $f monitoring-rollback 2 priya 2026-11-14 --evidence ops/qwen3-rollback-rehearsal.md
a $f incident-response 2 priya 2026-11-14

# DeepSeek-V3 self-hosted: the content-policy gate fails and the team disagrees: NOT READY.
f=deepseek-v3.toml
new=(--candidate "DeepSeek-V3 (illustration)" --model deepseek-ai/DeepSeek-V3)
a $f deploy-mode Self-host priya 2026-11-02 "${new[@]}"
a $f incumbent-model "Current production model, pinned API version; primary metric: clause extraction F1, minimum effect 1.5 points" priya 2026-11-02
a $f sampling-settings 1 sam 2026-11-03
a $f vendor-claims-reproduced 3 sam 2026-11-03 --evidence evals/dsv3/harness.md
a $f contamination-check 2 sam 2026-11-03 --evidence evals/dsv3/livecodebench-post-cutoff.md
a $f workload-eval 3 priya 2026-11-05 --evidence evals/dsv3/workload.md
a $f workload-result "Better beyond the noise margin, no agreed slice worse" priya 2026-11-05 --evidence evals/dsv3/workload.md
a $f workload-result "Worse, trade-off accepted in writing by the product owner" sam 2026-11-05 --evidence evals/dsv3/workload.md --evidence decisions/2026-11-05-tables-slice.md --note "Slice 'contract clauses' is 6 points down; accepted for control over the weights."
na $f agentic-eval priya 2026-11-02 --note "Extraction pipeline; no tool loop."
a $f instruction-following 2 sam 2026-11-05 --evidence evals/dsv3/constraints.csv
a $f structured-output-delivered 99.8 sam 2026-11-06 --evidence evals/dsv3/json.csv
a $f tool-call-validity 97.0 sam 2026-11-06 --evidence evals/dsv3/tools.csv
a $f long-context 1 priya 2026-11-06 --evidence evals/dsv3/niah.md
na $f multimodal-claims priya 2026-11-02
a $f languages 2 mei 2026-11-07 --evidence evals/dsv3/languages.md
a $f latency-budget 2 sam 2026-11-08 --evidence evals/dsv3/load-test.md --note "Batch budget: 40,000 documents in 6 hours; measured 5.1 hours at peak."
a $f failure-analysis 2 mei 2026-11-08 --evidence evals/dsv3/failures.md
a $f quantization-impact 2 sam 2026-11-08 --evidence evals/dsv3/fp8-vs-bf16.md --note "FP8 serving loses 1.5 points on slice 'tables'."
a $f release-status 4 priya 2026-11-02 --evidence https://huggingface.co/deepseek-ai/DeepSeek-V3
a $f cost-per-task 85 priya 2026-11-06 --evidence evals/dsv3/cost-per-task.md --note "Fully loaded: two nodes around the clock at 60% utilisation."
a $f price-input-mtok 0.9 priya 2026-11-02 --note "Own serving cost at 60% utilisation."
a $f price-output-mtok 3.6 priya 2026-11-02
a $f pricing-modes 2 priya 2026-11-06 --note "Prefix caching on; nightly batch fills idle capacity."
a $f hardware-fit 2 sam 2026-11-09 --evidence ops/dsv3-sizing.md --note "671B total parameters at FP8: 2 nodes of 8 x 80 GB, on order for our data centre."
a $f serving-stack 3 sam 2026-11-09 --evidence ops/dsv3-engine-tests.md
a $f inference-code-provenance 2 sam 2026-11-09 --evidence ops/sbom-dsv3.json
a $f accelerator-dependence "One vendor's accelerators, which you already run at scale" sam 2026-11-09
a $f self-host-ownership 1 priya 2026-11-10 --note "Break-even at 1.4B tokens a month; forecast 2.1B. No on-call rota yet."
a $f capacity-plan 2 priya 2026-11-10 --evidence ops/dsv3-failover-staging.md
a $f data-handling 3 mei 2026-11-10 --evidence legal/dpia-dsv3.md --note "Our own hardware on our premises; log retention within policy; DPIA done."
na $f provider-assurance mei 2026-11-10 --note "Hardware we own, on our premises."
a $f weight-provenance yes sam 2026-11-10 --evidence ops/checksums-dsv3.txt
a $f licence "Permits your use under conditions you accept" mei 2026-11-02 --evidence https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL
a $f legal-export 2 mei 2026-11-11 --evidence legal/review.md
na $f model-risk-validation mei 2026-11-11 --note "No regulator supervises our models."
a $f ip-indemnity 1 mei 2026-11-11
a $f content-policy 2 mei 2026-11-12 --evidence safety/policy-suite.md --note "Refuses or deflects on 14% of our civic-information prompts; no mitigation tested yet."
a $f content-policy 3 sam 2026-11-12 --evidence safety/policy-suite.md --note "A system prompt fixed most cases in my runs."
a $f regional-censorship 1 mei 2026-11-12 --evidence https://example.org/sensitive-topics-report
a $f jailbreak-resistance 2 sam 2026-11-12 --evidence safety/harmbench.md
a $f prompt-injection 2 sam 2026-11-12 --evidence safety/injected-contracts.md --note "Instructions planted in 200 contracts; extraction unchanged within the noise margin."
a $f hidden-behaviour 1 sam 2026-11-12 --evidence https://example.org/third-party-evaluation
a $f over-refusal 4 mei 2026-11-12 --evidence safety/over-refusal-own.md
a $f adjustability 1 mei 2026-11-13
a $f privacy 1 mei 2026-11-13
a $f bias 1 mei 2026-11-13
a $f developer-transparency 2 priya 2026-11-13
a $f monitoring-rollback 2 priya 2026-11-14 --evidence ops/dsv3-rollback-staging.md
a $f incident-response 1 priya 2026-11-14

# Llama 3.1 405B, started last week: INCOMPLETE.
f=llama-3.1-405b.toml
new=(--candidate "Llama 3.1 405B Instruct (illustration)" --model meta-llama/Llama-3.1-405B-Instruct)
a $f deploy-mode Both priya 2026-11-02 "${new[@]}"
a $f release-status 4 priya 2026-11-02 --evidence https://huggingface.co/meta-llama/Llama-3.1-405B-Instruct
a $f licence "Permits your use under conditions you accept" mei 2026-11-02 --evidence https://www.llama.com/llama3_1/license/ --note "Community licence: attribution and the acceptable-use policy apply."
a $f workload-eval 2 sam 2026-11-03 --evidence evals/llama/workload-150.md
a $f provider-count 3 priya 2026-11-02 --evidence https://models.dev
a $f price-output-mtok 3.0 priya 2026-11-02

# gpt-oss-120b through the quick screen: weights out under Apache-2.0, several providers, a spot
# check won: READY, which for the screen means "start the full assessment".
f=gpt-oss-120b-screen.toml
new=(--candidate "gpt-oss-120b (illustration)" --model openai/gpt-oss-120b --checklist quick-screen)
a $f release-status 3 priya 2026-11-16 "${new[@]}" --note "Illustration: the screen before a full assessment."
a $f deploy-mode API priya 2026-11-16
na $f modalities-in-weights priya 2026-11-16 --note "Text-only product."
a $f provider-count 5 priya 2026-11-16 --note "Counted serving companies, not routers."
a $f price-blended-mtok 0.3 priya 2026-11-16 --note "8:1 input to output, no caching assumed."
a $f licence "OSI-approved licence (e.g. Apache-2.0, MIT) with no added use restrictions" priya 2026-11-16 --evidence https://www.apache.org/licenses/LICENSE-2.0
a $f red-flags 3 priya 2026-11-16
a $f sensitive-probe 2 priya 2026-11-17
a $f screen-reason "A cheaper model for ticket triage; incumbent is the current production model" priya 2026-11-16
a $f independent-results 2 priya 2026-11-16
a $f spot-check-wins 3 priya 2026-11-17 --evidence screens/gpt-oss-pairs.csv --note "50 pairs, blinded by script: 24 wins, 17 ties, 9 losses; margin 2 x sqrt(33) = 11.5, lead 15."
echo "built: qwen3-235b-a22b.toml deepseek-v3.toml llama-3.1-405b.toml gpt-oss-120b-screen.toml"
