# `make demo`: set everything up and build the reference workshop's pack into out/.
# `make test`: set everything up and run the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
REFERENCE := workshops/community-service-unit-2day.yaml

.PHONY: demo test system setup bench lint catalogues clean

demo: setup
	$(BIN)/workshopkit build $(REFERENCE) -o out

test: setup
	@scripts/system-packages.sh --tests
	$(BIN)/python -m pytest -q --durations=15

bench: setup
	$(BIN)/python bench/anchors.py
	$(BIN)/python bench/line_breaks.py
	$(BIN)/python bench/stencils.py
	$(BIN)/python bench/scan.py

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

# after changing a message: extract, merge into the Thai catalogue, translate, compile
LOCALE := src/workshopkit/locale
catalogues: setup
	$(BIN)/pybabel extract --no-location -k _ -k N_ -o $(LOCALE)/workshopkit.pot src/workshopkit
	$(BIN)/pybabel update --no-fuzzy-matching -i $(LOCALE)/workshopkit.pot -d $(LOCALE) -D workshopkit -l th
	$(BIN)/pybabel compile -d $(LOCALE) -D workshopkit -l th

system:
	@scripts/system-packages.sh

# The toolkit's own modules compiled once here, as pip compiles an installed package: an
# editable install never is where PYTHONDONTWRITEBYTECODE is set, and every command (and the
# render workers' server each build waits for) would compile them again (about 0.2 s).
setup: system $(VENV)/.installed
	@$(BIN)/python -m compileall -q src/workshopkit

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) out build dist
