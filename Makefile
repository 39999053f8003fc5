# The two commands a new user needs: `make reports` and `make test`. Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: reports test lab demo slides clean-reports

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	@# -qq: errors only; setuptools' notes on editable installs are not for the workbook's users; said first,
	@# as pip then prints nothing for a minute or more
	@echo "Installing the workbook's packages into $(VENV) (one to three minutes, once)..."
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -c constraints.txt -e '.[test]'
	@touch $(STAMP)

reports: $(STAMP)  ## render one HTML report per client of data/clients.yml into reports/<client>/
	$(BIN)/python -m helpers render

test: $(STAMP)  ## the whole test suite, notebooks included (nbval)
	$(BIN)/python -m pytest --nbval-lax --nbval-current-env tests notebooks

lab: $(STAMP)  ## explore in JupyterLab
	$(BIN)/python -m jupyter lab notebooks/

slides: $(STAMP)  ## the lesson as reveal.js slides, in English and Bahasa Indonesia, into reports/slides/
	$(BIN)/python -m helpers.slides

demo: $(STAMP)  ## rewrite the demo clients' exports under data/demo/ (deterministic)
	$(BIN)/python -m helpers demo

clean-reports:  ## remove rendered reports (never touches data/)
	find reports -mindepth 1 -not -name .gitkeep -exec rm -rf {} +
