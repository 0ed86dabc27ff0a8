# The two set-up commands are `make run` and `make test`; the rest are helpers.
SHELL := /bin/bash
JOBS ?= 2
DEBUG_DIR := build/debug
RELEASE_DIR := build/release
SCREENSHOT_DIR ?= docs/images
SCREENSHOT_THEME ?=

.PHONY: deps test run build release debug screenshots package bench format fuzz clean translations

deps:
	@packaging/install-deps.sh

debug: deps
	@cmake --preset debug >/dev/null
	cmake --build --preset debug -j$(JOBS)

release: deps
	@cmake --preset release >/dev/null
	cmake --build --preset release -j$(JOBS)

build: release

test: debug
	cd $(DEBUG_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j$(JOBS) --timeout 600

# Starts the demo pipeline and the console on the embedded default store. In dev, a missing
# store is created first with a local demo identity (its key unencrypted, as dev allows).
run: release
	@set -e; data=$${XDG_DATA_HOME:-$$HOME/.local/share}; \
	if [ "$${OPSCONSOLE_ENV:-dev}" = dev ] && [ ! -e "$$data/opsconsole/evidence.sqlite" ]; then \
	  $(RELEASE_DIR)/bin/opsconsole-cli init --identity "$${USER:-operator}" \
	    --roles operator,incident-owner,release-owner,reviewer; fi; \
	pipeline=$(RELEASE_DIR)/bin/opsconsole-demo-pipeline; pid=""; \
	if [ -x "$$pipeline" ]; then "$$pipeline" & pid=$$!; fi; \
	trap '[ -n "$$pid" ] && kill $$pid 2>/dev/null || true' EXIT; \
	$(RELEASE_DIR)/bin/opsconsole

# Renders every panel and the first-run flow from the real widgets over a small demo store made
# with the CLI, in English (docs/images) and German (docs/images/de).
screenshots: release
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	export HOME=$$tmp XDG_DATA_HOME=$$tmp/.local/share XDG_CONFIG_HOME=$$tmp/.config XDG_STATE_HOME=$$tmp/.local/state \
	  XDG_RUNTIME_DIR=$$tmp OPSCONSOLE_ENV=dev; \
	unset OPSCONSOLE_PASSPHRASE OPSCONSOLE_IDENTITY; \
	if [ -n "$(SCREENSHOT_THEME)" ]; then mkdir -p $$tmp/.config/opsconsole; \
	  printf '[ui]\ntheme=%s\n' "$(SCREENSHOT_THEME)" > $$tmp/.config/opsconsole/opsconsole.conf; fi; \
	$(RELEASE_DIR)/bin/opsconsole-cli init --identity demo --roles operator,incident-owner,release-owner >/dev/null 2>&1; \
	$(RELEASE_DIR)/bin/opsconsole-cli evidence import tests/data/demo-evidence.jsonl >/dev/null; \
	for i in 1 2; do $(RELEASE_DIR)/bin/opsconsole-cli signal record publish_blocked --scope my >/dev/null; done; \
	$(RELEASE_DIR)/bin/opsconsole-cli signal record fallback_rate --scope sg --value 22% >/dev/null; \
	$(RELEASE_DIR)/bin/opsconsole-cli signal record fallback_rate --scope kl --value 0.04 >/dev/null; \
	$(RELEASE_DIR)/bin/opsconsole-demo-pipeline --port 8088 --services-port 8089 >/dev/null & pipeline=$$!; \
	trap 'kill $$pipeline 2>/dev/null || true; rm -rf "$$tmp"' EXIT; sleep 1; \
	curl -s -X POST localhost:8088/_faults -d '{"scope":"kl","fault":"stale"}' >/dev/null; \
	curl -s -X POST localhost:8088/_faults -d '{"scope":"pg","fault":"checksum-mismatch"}' >/dev/null; \
	cli=$(RELEASE_DIR)/bin/opsconsole-cli; \
	inc=$$($$cli incident open --class bad-publish --scope pg --alert resolver-health --json | sed -n 's/.*"id": *"\(INC-[0-9A-Z-]*\)".*/\1/p'); \
	$$cli incident decide $$inc "contain first: roll pg back to its last known good, hold forward publishes" >/dev/null; \
	$$cli killswitch activate bad-pack --scope pg --reason "active pack fails its checksum" --incident $$inc >/dev/null; \
	run=$$($$cli rollback start --scope pg --incident $$inc --json | sed -n 's/.*"id": *"\(RUN-[0-9A-Z-]*\)".*/\1/p'); \
	$$cli runbook step $$run identify-scope --evidence "pg only; my and baseline unaffected" >/dev/null; \
	$$cli runbook step $$run confirm-manifest >/dev/null 2>&1; \
	$$cli launch start --scope kl --build 2026.11.23-rc1 >/dev/null; \
	$$cli launch check config-snapshot >/dev/null 2>&1 || true; \
	$$cli launch checksum packaging >/dev/null 2>&1; \
	$$cli launch check first-publish --evidence "publish job 4812 published v1" >/dev/null 2>&1 || true; \
	$$cli launch check live-app-fetch >/dev/null 2>&1 || true; \
	d=tests/data/derivations; \
	for who in "ana analyst" "rui reviewer" "rita risk-owner"; do set -- $$who; $$cli identity create $$1 --roles $$2 >/dev/null 2>&1; $$cli identity approve $$1 >/dev/null; done; \
	$$cli derivation import $$d/reference-capacity.yaml $$d/p90-cost.yaml $$d/mapping.yaml $$d/infeasible-power.yaml --identity ana >/dev/null; \
	for id in reference-capacity-v1 p90-cost-v1 INFEASIBLE-power; do $$cli derivation review $$id --accept --reason "reproduced from the pinned inputs" --identity rui >/dev/null; done; \
	$$cli derivation risk-note reference-capacity-v1 --note "reference capacity only; non-deployment" --identity rita >/dev/null; \
	for id in reference-capacity-v1 INFEASIBLE-power; do $$cli derivation sign $$id --identity rui >/dev/null; done; \
	$$cli handoff charter reference_capacity p90_cost_bps E_econ_min E_pred_min power_sample_size --identity rui >/dev/null; \
	$$cli proof summarize tests/data/captures/fi-failure-output.txt --record --scope kl >/dev/null 2>&1 || true; \
	$$cli proof summarize tests/data/captures/demo-output.txt --record --scope kl >/dev/null 2>&1; \
	bash tests/support/make-verdict.sh $$tmp/results tests/data/captures/*.txt; \
	$$cli verdict verify --folder $$tmp/results --record --scope kl >/dev/null; \
	QT_QPA_PLATFORM=offscreen $(RELEASE_DIR)/bin/opsconsole --screenshots $(SCREENSHOT_DIR); \
	mkdir -p $(SCREENSHOT_DIR)/de; \
	LANG=de_DE.UTF-8 LANGUAGE=de QT_QPA_PLATFORM=offscreen $(RELEASE_DIR)/bin/opsconsole --screenshots $(SCREENSHOT_DIR)/de

# The DEB, checked as a packager would before it is kept: lintian clean (no tag suppressed for the
# release tree), installed into a scratch root and run from there.
package: release
	bash tests/integration/package.sh $(RELEASE_DIR) OFF
	cd $(RELEASE_DIR) && cpack -G DEB

bench: release
	@if [ -d tests/bench ]; then for b in tests/bench/*.sh; do [ -e "$$b" ] || continue; echo "== $$b"; BUILD_DIR=$(RELEASE_DIR) bash "$$b"; done; fi

translations: release
	cmake --build $(RELEASE_DIR) --target opsconsole_ui_lupdate

format:
	@git ls-files --cached --others --exclude-standard '*.cpp' '*.h' | xargs clang-format -i

fuzz: deps
	@cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j$(JOBS) --target fuzz_jsonl fuzz_bundle fuzz_runbook fuzz_config fuzz_derivation fuzz_handoff fuzz_capture fuzz_verdict_bundle fuzz_http_response fuzz_note fuzz_tlog_proof fuzz_http_request fuzz_alertmanager fuzz_attestation
	@echo "run: build/fuzz/bin/fuzz_jsonl tests/fuzz/corpus/jsonl  (and fuzz_bundle, fuzz_runbook, fuzz_config, fuzz_derivation, fuzz_handoff, fuzz_capture, fuzz_verdict_bundle, fuzz_http_response, fuzz_note, fuzz_tlog_proof, fuzz_http_request, fuzz_alertmanager, fuzz_attestation)"

clean:
	rm -rf build
