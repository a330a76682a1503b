"""Golden files: every acta with a hand-made `.expected.json` is parsed and scored by the checker.

The expectations are written from the text of each acta, as a careful reader reads it (see
tests/fixtures/README.md). The same checker the project is judged with scores them:
../shared/tools/check_acta.py, or its identical copy tests/check_acta.py where the shared folder
is absent.

The real acta (../shared/actas) must score perfect. Our own fixtures, written to be harder than
the parser, must score at least their floor in tests/fixtures/puntajes.json (facts right, extras
at most): a ratchet, so that no change loses a fact the parser already reads. When the parser
reads more, raise the floors with `python tests/test_parse_fixtures.py --actualizar`; the facts
still missed are printed by the checker (`../shared/tools/check_acta.py EXPECTED ACTUAL`).

Three fixtures are also rendered as PDF (repeated page header, «Página N de M» footers) and as
DOCX (one with its roster in a Word table) and must give the same facts; line numbers are not
compared there, because a PDF's lines are not the text file's lines.
"""
import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures"
SOURCE_SUFFIXES = (".txt", ".md", ".pdf", ".docx")


def _load_checker():
    shared = SHARED / "tools" / "check_acta.py"
    path = shared if shared.is_file() else ROOT / "tests" / "check_acta.py"
    spec = importlib.util.spec_from_file_location("check_acta", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_acta = _load_checker()


def _source_of(expected):
    """The acta an expectation describes: same name, `.txt` or `.md`; real actas from data/actas."""
    base = expected.name[: -len(".expected.json")]
    if expected.parent == SHARED / "actas":
        bundled = ROOT / "data" / "actas" / f"{base}.txt"
        if bundled.is_file():
            return bundled
    for suffix in SOURCE_SUFFIXES:
        candidate = expected.with_name(base + suffix)
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no acta for {expected}")


def _expectations():
    folders = [FIXTURES / "actas", FIXTURES / "proceso", FIXTURES / "proceso2", SHARED / "actas"]
    found = []
    for folder in folders:
        if folder.is_dir():
            found.extend(sorted(folder.glob("*.expected.json")))
    return found


def _case_id(expected):
    try:
        return str(expected.relative_to(ROOT))
    except ValueError:
        return f"shared/{expected.name}"


def _text_lines(source):
    """The lines `fuente.linea` counts: the file's own for text, the extracted text's for PDF and DOCX."""
    if source.suffix in (".pdf", ".docx"):
        from etl.extract import extract_text

        return extract_text(source).splitlines()
    return source.read_text(encoding="utf-8").splitlines()


def _parse(path):
    """Run `python -m etl parse PATH` as a user would; the JSON it prints."""
    try:
        shown = path.relative_to(ROOT)
    except ValueError:
        shown = path
    done = subprocess.run(
        [sys.executable, "-m", "etl", "parse", str(shown)],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr.strip()}"
    return json.loads(done.stdout)


FLOORS = FIXTURES / "puntajes.json"


def _floors():
    return json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}


def _assert_score(expected, actual, text_lines, label):
    """Perfect for the real acta; at least the recorded floor for our fixtures."""
    score = check_acta.compare(expected, actual, text_lines)
    summary = f"{label}: hechos {score.right}/{score.total} · extras {score.extras}"
    notes = "\n".join(score.notes)
    floor = _floors().get(label)
    if floor is None:
        assert score.right == score.total and score.extras == 0, f"{summary}\n{notes}"
    else:
        assert score.right >= floor["hechos"] and score.extras <= floor["extras"], (
            f"{summary}, por debajo del mínimo registrado (hechos {floor['hechos']}, extras "
            f"{floor['extras']})\n{notes}")
    return score


@pytest.mark.parametrize("expected_path", _expectations(), ids=_case_id)
def test_fixture_scores_perfect(expected_path):
    source = _source_of(expected_path)
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    actual = _parse(source)
    _assert_score(expected, actual, _text_lines(source), source.name)


# --- The same actas as PDF and DOCX -------------------------------------------------------

FORMAT_FIXTURES = [
    "cotaprep-jalisco-2024-03-25-ordinaria-02",
    "consejo-distrital-08-chihuahua-2021-06-03-extraordinaria-07",
    "cotaprep-guanajuato-2023-12-08-instalacion",
]

# Helvetica (a PDF core font) has the Spanish letters of latin-1, not typographic punctuation.
_LATIN1_STAND_INS = {"—": "-", "–": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."}


def _without_fuente(expected):
    """The expectation minus line numbers, which differ between a PDF's lines and the text's."""
    stripped = copy.deepcopy(expected)
    for key in ("asistentes", "votaciones", "correcciones", "correcciones_atendidas", "documentos"):
        for item in stripped.get(key) or []:
            item.pop("fuente", None)
    return stripped


def _latin1(text):
    for char, stand_in in _LATIN1_STAND_INS.items():
        text = text.replace(char, stand_in)
    return text.encode("latin-1", "replace").decode("latin-1")


def _write_pdf(lines, path):
    from fpdf import FPDF

    header = lines[0].strip()

    class Acta(FPDF):
        def header(self):
            self.set_font("Helvetica", "B", 9)
            self.cell(0, 6, _latin1(header), align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 8, f"Página {self.page_no()} de {{nb}}", align="R")

    pdf = Acta(format="Letter")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    for line in lines:
        text = _latin1(line.replace("\t", "    "))
        if text.strip():
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(path))
    return path


def _write_docx(lines, path):
    """Paragraph per line, the first also as page header; runs of tab-separated lines become a
    Word table (the roster)."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = lines[0].strip()
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            document.add_paragraph(lines[i])
            i += 1
            continue
        rows = []
        while i < len(lines) and "\t" in lines[i]:
            rows.append(lines[i].split("\t"))
            i += 1
        width = max(len(row) for row in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    document.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["pdf", "docx"])
@pytest.mark.parametrize("name", FORMAT_FIXTURES)
def test_fixture_same_facts_as_pdf_and_docx(name, kind, tmp_path):
    source = next(FIXTURES.joinpath("actas").glob(f"{name}.t*"))
    lines = source.read_text(encoding="utf-8").splitlines()
    target = tmp_path / f"{name}.{kind}"
    (_write_pdf if kind == "pdf" else _write_docx)(lines, target)
    expected = json.loads((FIXTURES / "actas" / f"{name}.expected.json").read_text(encoding="utf-8"))
    actual = _parse(target)
    _assert_score(_without_fuente(expected), actual, None, target.name)


def _current_scores():
    """Every fixture's score now, as the floors file records them (the real acta excluded)."""
    scores = {}
    for expected_path in _expectations():
        if expected_path.parent == SHARED / "actas":
            continue
        source = _source_of(expected_path)
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        score = check_acta.compare(expected, _parse(source), _text_lines(source))
        scores[source.name] = {"hechos": score.right, "total": score.total, "extras": score.extras}
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for name in FORMAT_FIXTURES:
            source = next(FIXTURES.joinpath("actas").glob(f"{name}.t*"))
            lines = source.read_text(encoding="utf-8").splitlines()
            expected = json.loads((FIXTURES / "actas" / f"{name}.expected.json").read_text(encoding="utf-8"))
            for kind, write in (("pdf", _write_pdf), ("docx", _write_docx)):
                target = write(lines, Path(folder) / f"{name}.{kind}")
                score = check_acta.compare(_without_fuente(expected), _parse(target), None)
                scores[target.name] = {"hechos": score.right, "total": score.total, "extras": score.extras}
    return scores


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if "--actualizar" not in sys.argv:
        sys.exit("uso: python tests/test_parse_fixtures.py --actualizar   (registra los puntajes actuales como mínimos)")
    FLOORS.write_text(json.dumps(_current_scores(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")
    print(f"Mínimos registrados en {FLOORS}")
