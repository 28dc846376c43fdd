# Two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
# Portable llama.cpp build for the optional LLM extra (no -march=native).
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
export CMAKE_BUILD_PARALLEL_LEVEL ?= 2

.PHONY: setup run test browser-deps eval bench clean

setup: $(STAMP)

$(PY):
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# torch first, pinned: it installs the local CPU build; any other request pulls CUDA.
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[test,llm]'
	touch $(STAMP)

# Debian's Chromium for the browser tests (never `playwright install`: no downloads).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver) >/dev/null \
	  || echo "warning: could not install chromium; browser tests will be skipped"; \
	fi

run: setup
	$(VENV)/bin/vankien serve --host 127.0.0.1 --port 7860

test: setup browser-deps
	$(VENV)/bin/python -m pytest -q

eval: setup
	$(VENV)/bin/vankien eval

bench: setup
	$(VENV)/bin/vankien bench

clean:
	rm -rf $(VENV) .vankien
