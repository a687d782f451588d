"""The progress line of a dossier computed now: rewritten in place on a terminal, one line per step elsewhere."""
import io

from newsweave.commands.progress import DossierProgress


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def _steps(progress):
    for done in (1, 2):
        progress("claims", done, 2)
    progress("compare", 0, 1)
    progress("compare", 1, 1)


def test_terminal_line_is_rewritten_in_place_and_ends_with_ready():
    stream = _Terminal()
    _steps(DossierProgress(stream=stream))
    text = stream.getvalue()
    assert text.count("\r") == 4 and text.count("\n") == 1 and text.endswith("\n")
    assert "preparing claims 2/2 articles" in text and text.rstrip().split("\r")[-1].startswith("dossier: ready (")


def test_off_a_terminal_nothing_unless_asked_then_one_line_per_step():
    quiet, asked = io.StringIO(), io.StringIO()
    _steps(DossierProgress(stream=quiet))
    _steps(DossierProgress(True, stream=asked))
    assert quiet.getvalue() == ""
    assert [line.split(" (")[0] for line in asked.getvalue().splitlines()] == [
        "dossier: preparing claims 1/2 articles", "dossier: preparing claims 2/2 articles",
        "dossier: comparing the articles", "dossier: ready"]
