import subprocess
import sys

from claims.extraction import EXTRACTOR_NAME, EXTRACTOR_VERSION, Figure, extract_figures

ARTICLE = (
    "The Lisbon-based insurer said on Tuesday it would cut 1,200 jobs, about 8% of its staff, "
    "after a €340 million ($368 million) loss in 2023. Its 10-year-old app has 2.4 million users "
    "in five countries. Shares fell 6.5% to €12.40, the lowest since March 2020.\n"
)


def test_extractor_declares_its_name_and_version():
    assert EXTRACTOR_NAME == "factcheck-grammar"
    assert isinstance(EXTRACTOR_VERSION, str)
    assert EXTRACTOR_VERSION


def test_figures_are_sorted_non_overlapping_and_match_their_offsets():
    found = extract_figures(ARTICLE * 3)
    assert all(isinstance(f, Figure) for f in found)
    assert all((ARTICLE * 3)[f.start : f.end] == f.text for f in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_empty_text_has_no_figures():
    assert extract_figures("") == []


def test_extraction_does_not_import_django():
    code = "import sys, claims.extraction; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_long_text_yields_every_figure_of_every_copy():
    # given the same story a thousand times over (speed is measured by make bench, not here)
    copies = 1000
    # when extracted in one call
    figures = extract_figures(ARTICLE * copies)
    # then each copy gives the same figures
    assert len(figures) == copies * len(extract_figures(ARTICLE))
