#!/usr/bin/env bash
# Rebuilds the example assessments with `weigh answer`, as a team would. The examples are
# ILLUSTRATIONS: plausible answers written to show weigh's output, not real evaluations of
# these models. Run from the repository root: bash examples/build.sh
set -euo pipefail
cd "$(dirname "$0")"
weigh=(cargo run --quiet --manifest-path ../Cargo.toml --)
export WEIGH_NOW=2026-11-02T09:00:00Z
rm -f qwen3-235b-a22b.toml deepseek-v3.toml llama-3.1-405b.toml

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

# Qwen3-235B-A22B through providers: no gate fails, a few weak spots: READY WITH CONDITIONS.
f=qwen3-235b-a22b.toml
new=(--candidate "Qwen3-235B-A22B (illustration)" --model Qwen/Qwen3-235B-A22B)
a $f deploy-mode API priya 2026-11-02 "${new[@]}" --note "Illustration: providers first; self-hosting revisited in Q2."
a $f incumbent-model "Current production model, pinned API version, temperature 0.2" priya 2026-11-02
a $f vendor-claims-reproduced 2 sam 2026-11-03 --evidence evals/qwen3/harness-summary.md --note "LiveCodeBench 4 points under the card; thinking-mode settings unclear."
a $f contamination-check 2 sam 2026-11-03 --evidence evals/qwen3/livebench-private.md
a $f workload-eval 3 priya 2026-11-05 --evidence evals/qwen3/workload-1200.md
a $f workload-eval 2 sam 2026-11-05 --evidence evals/qwen3/workload-1200.md --note "Automated, but the incumbent comparison covers only 2 of 5 slices."
a $f workload-result "Within the noise margin overall and on every agreed slice" priya 2026-11-05 --evidence evals/qwen3/workload-1200.md
a $f instruction-following 3 sam 2026-11-05 --evidence evals/qwen3/constraints.csv
a $f instruction-following 1 mei 2026-11-06 --evidence evals/qwen3/constraints-multilingual.csv --note "Our constraint suite covers English only; for Japanese and German we have IFEval numbers alone."
a $f structured-output-validity 98.7 sam 2026-11-06 --evidence evals/qwen3/json-validity.csv
a $f tool-call-validity 96.2 sam 2026-11-06 --evidence evals/qwen3/tool-calls.csv
a $f long-context 2 priya 2026-11-06 --evidence evals/qwen3/ruler-128k.md
na $f multimodal-claims priya 2026-11-02 --note "Text-only product."
a $f languages 2 mei 2026-11-07 --evidence evals/qwen3/languages.md
a $f latency-p95 1800 sam 2026-11-08 --evidence evals/qwen3/load-test.md --note "Thinking off; with thinking on the first visible token took 14 s at p95."
a $f throughput-at-load 42 sam 2026-11-08 --evidence evals/qwen3/load-test.md
a $f failure-analysis 2 mei 2026-11-08 --evidence evals/qwen3/failures.md
a $f release-status 4 priya 2026-11-02 --evidence https://huggingface.co/Qwen/Qwen3-235B-A22B
a $f provider-count 4 priya 2026-11-02
a $f provider-portability yes sam 2026-11-09
a $f price-input-mtok 0.2 priya 2026-11-02
a $f price-output-mtok 0.6 priya 2026-11-02
a $f cost-per-task 70 priya 2026-11-06 --evidence evals/qwen3/cost-per-task.md --note "Thinking off; 30% more tokens per answer than the incumbent, at a third of the price."
a $f provider-feature-parity 2 sam 2026-11-09
a $f provider-quality-parity 1 sam 2026-11-09 --evidence https://example.org/provider-variance-study
a $f revision-pinning 2 priya 2026-11-09 --evidence legal/provider-a-deprecation-policy.md
a $f data-handling 3 mei 2026-11-10 --evidence legal/dpa-provider-a.pdf
a $f rate-limits-sla 2 priya 2026-11-10 --evidence legal/provider-a-quota.pdf
a $f capacity-plan 1 priya 2026-11-10
a $f licence "OSI-approved licence (e.g. Apache-2.0, MIT) with no added use restrictions" mei 2026-11-02 --evidence https://www.apache.org/licenses/LICENSE-2.0
a $f legal-export 2 mei 2026-11-11 --evidence legal/review-2026-11.md
a $f content-policy 3 mei 2026-11-12 --evidence safety/policy-suite-240.md
a $f regional-censorship 2 mei 2026-11-12 --evidence safety/regional-120.md
a $f jailbreak-resistance 2 sam 2026-11-12 --evidence safety/harmbench.md
a $f prompt-injection 2 sam 2026-11-12 --evidence safety/agentdojo.md
a $f over-refusal 6.5 mei 2026-11-12 --evidence safety/over-refusal-own-120.md
a $f adjustability 2 mei 2026-11-13
a $f privacy 2 mei 2026-11-13
a $f bias 1 mei 2026-11-13
a $f developer-transparency 2 priya 2026-11-13
a $f monitoring-rollback 2 priya 2026-11-14

# DeepSeek-V3 self-hosted: the content-policy gate fails and the team disagrees: NOT READY.
f=deepseek-v3.toml
new=(--candidate "DeepSeek-V3 (illustration)" --model deepseek-ai/DeepSeek-V3)
a $f deploy-mode Self-host priya 2026-11-02 "${new[@]}"
a $f incumbent-model "Current production model, pinned API version" priya 2026-11-02
a $f vendor-claims-reproduced 3 sam 2026-11-03 --evidence evals/dsv3/harness.md
a $f contamination-check 2 sam 2026-11-03 --evidence evals/dsv3/livecodebench-post-cutoff.md
a $f workload-eval 3 priya 2026-11-05 --evidence evals/dsv3/workload.md
a $f workload-result "Better beyond the noise margin, no agreed slice worse" priya 2026-11-05 --evidence evals/dsv3/workload.md
a $f workload-result "Worse on at least one agreed slice, equal or better overall" sam 2026-11-05 --evidence evals/dsv3/workload.md --note "Slice 'contract clauses' is 6 points down."
a $f instruction-following 2 sam 2026-11-05 --evidence evals/dsv3/constraints.csv
a $f structured-output-validity 99.1 sam 2026-11-06 --evidence evals/dsv3/json.csv
a $f tool-call-validity 97.0 sam 2026-11-06 --evidence evals/dsv3/tools.csv
a $f long-context 1 priya 2026-11-06 --evidence evals/dsv3/niah.md
na $f multimodal-claims priya 2026-11-02
a $f languages 2 mei 2026-11-07 --evidence evals/dsv3/languages.md
a $f latency-p95 2600 sam 2026-11-08 --evidence evals/dsv3/load-test.md
a $f throughput-at-load 28 sam 2026-11-08 --evidence evals/dsv3/load-test.md
a $f failure-analysis 2 mei 2026-11-08 --evidence evals/dsv3/failures.md
a $f quantization-impact 2 sam 2026-11-08 --evidence evals/dsv3/fp8-vs-bf16.md --note "FP8 serving loses 1.5 points on slice 'tables'."
a $f release-status 4 priya 2026-11-02 --evidence https://huggingface.co/deepseek-ai/DeepSeek-V3
a $f price-input-mtok 0.9 priya 2026-11-02 --note "Own serving cost at 60% utilisation."
a $f price-output-mtok 3.6 priya 2026-11-02
a $f cost-per-task 85 priya 2026-11-06 --evidence evals/dsv3/cost-per-task.md
a $f hardware-fit 2 sam 2026-11-09 --note "671B total parameters at FP8: 2 nodes of 8 x 80 GB."
a $f serving-stack 3 sam 2026-11-09
a $f accelerator-dependence "One vendor's accelerators, which you already run at scale" sam 2026-11-09
a $f capacity-plan 1 priya 2026-11-10
a $f weight-provenance yes sam 2026-11-10 --evidence ops/checksums-dsv3.txt
a $f licence "Permits your use under conditions you accept" mei 2026-11-02 --evidence https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL
a $f legal-export 2 mei 2026-11-11 --evidence legal/review.md
a $f content-policy 2 mei 2026-11-12 --evidence safety/policy-suite.md --note "Refuses or deflects on 14% of our civic-information prompts; no mitigation tested yet."
a $f content-policy 3 sam 2026-11-12 --evidence safety/policy-suite.md --note "A system prompt fixed most cases in my runs."
a $f regional-censorship 1 mei 2026-11-12 --evidence https://example.org/sensitive-topics-report
a $f jailbreak-resistance 2 sam 2026-11-12 --evidence safety/harmbench.md
a $f prompt-injection 1 sam 2026-11-12 --evidence https://example.org/agentdojo-results
a $f over-refusal 4 mei 2026-11-12 --evidence safety/over-refusal-own.md
a $f adjustability 1 mei 2026-11-13
a $f privacy 1 mei 2026-11-13
a $f bias 1 mei 2026-11-13
a $f developer-transparency 2 priya 2026-11-13
a $f monitoring-rollback 1 priya 2026-11-14

# Llama 3.1 405B, started last week: INCOMPLETE.
f=llama-3.1-405b.toml
new=(--candidate "Llama 3.1 405B Instruct (illustration)" --model meta-llama/Llama-3.1-405B-Instruct)
a $f deploy-mode Both priya 2026-11-02 "${new[@]}"
a $f release-status 4 priya 2026-11-02 --evidence https://huggingface.co/meta-llama/Llama-3.1-405B-Instruct
a $f licence "Permits your use under conditions you accept" mei 2026-11-02 --evidence https://www.llama.com/llama3_1/license/ --note "Community licence: attribution and the acceptable-use policy apply."
a $f workload-eval 2 sam 2026-11-03 --evidence evals/llama/workload-150.md
a $f provider-count 3 priya 2026-11-02
a $f price-output-mtok 3.0 priya 2026-11-02
echo "built: qwen3-235b-a22b.toml deepseek-v3.toml llama-3.1-405b.toml"
