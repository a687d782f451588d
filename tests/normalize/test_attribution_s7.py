"""Reporting verbs in the progressive ("ESPN is reporting that ...") name their speaker like the simple forms."""
from .helpers import run


def test_progressive_reporting_verb_names_the_speaker():
    text = ("ESPN is reporting that the Nationals have offered Mark Teixeira an eight-year contract. "
            "Officials are saying the fire started on the roof.")
    _, out = run(text)
    assert out[0].canonical == "ESPN" and out[0].cue == "reporting" and out[0].explicit
    assert out[1].speaker.lower().endswith("officials") and out[1].cue == "saying"


def test_participle_without_subject_and_non_speech_uses_name_no_speaker():
    text = ("The club added a second pitcher, saying the deal was done. "
            "The team is adding seats to the stadium this year.")
    _, out = run(text)
    assert out[0].cue != "saying"  # an adjunct "saying" has no subject of its own
    assert not out[1].explicit  # "adding seats" is no speech


def test_writing_a_screenplay_is_no_speech():
    text = ("Robert Pattinson and Kristen Stewart will star in New Moon, while Melissa Rosenberg is writing the "
            "picture which, like the first, centers on Bella.")
    _, out = run(text)
    assert "Rosenberg" not in out[0].speaker
