"""Attribution: quote spans, who says each sentence (direct quotes and their continuations, pronouns, "according
to", reporting verbs in any form), and the seed pair's speakers."""
import re

from newsweave.normalize.aliases import alias_map, lookup
from newsweave.normalize.attribution import quote_spans

from .helpers import run, seed_story, up, wp


def test_quote_spans_curly_straight_and_multi_paragraph():
    text = '“One,” he said. Quote: "Two.\n\nThree." Done.'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["One,", "Two.\n\nThree."]


def test_unclosed_quote_ends_at_its_paragraph():
    text = 'He said "never closed\nNext paragraph.'
    assert [text[s:e] for s, e in quote_spans(text)] == ["never closed"]


def test_direct_quote_and_continuation():
    text = "“We will win,” Zelensky wrote on Telegram. “The enemy is tired.”\nThe weather was cold."
    sentences, out = run(text)
    assert out[0].canonical == "Zelensky" and out[0].direct and out[0].cue == "wrote"
    assert text[out[0].quote_start:out[0].quote_end] == "We will win,"
    assert out[1].canonical == "Zelensky" and out[1].direct
    assert not out[2].explicit and out[2].speaker == "Outlet"


def test_pronoun_and_definite_description():
    text = ("Ukraine’s security service, the SBU, said the men were captured. "
            "The prisoners were fed, the service said. Oleh, a soldier, said they fought. Later, he said, they slept.")
    _, out = run(text)
    assert out[0].canonical == out[1].canonical
    assert out[1].speaker == "the service"
    assert out[2].canonical == "Oleh" and out[3].canonical == "Oleh"


def test_according_to_and_expletive_passive():
    text = "According to the Institute for the Study of War, troops advanced. It was reported that they stopped."
    _, out = run(text)
    assert out[0].cue == "according to" and "Institute for the Study of War" in out[0].canonical
    assert not out[1].explicit


def test_up_source_and_quote_lines():
    article, ann = up()
    by_sentence = {a.sentence: a for a in ann.attributions}
    source = next(s for s in ann.sentences if s.text.startswith("Source:"))
    assert by_sentence[source.index].cue == "Source:"
    quote = [s for s in ann.sentences if s.index > source.index][:2]
    for s in quote:
        assert "Zelenskyy" in by_sentence[s.index].canonical and by_sentence[s.index].direct


def _zelensky_group():
    return next(c for c in seed_story() if "Zelensky" in c.aliases)


def test_every_zelensky_quote_has_speaker_zelensky():
    mapping = alias_map(seed_story())
    zelensky = _zelensky_group().name
    expected = {  # sentence openings of the quotes in each article
        0: ('Quote: "These are two soldiers', "This was not an easy task"),
        1: ("“Two soldiers, though wounded", "“This was not an easy task", "“As with all prisoners",
            "“The world needs to know"),
    }
    for k, (article, ann) in enumerate((up(), wp())):
        for opening in expected[k]:
            s = next(s for s in ann.sentences if s.text.startswith(opening))
            a = ann.attributions[s.index]
            assert lookup(mapping, a.canonical) == zelensky, (s.text, a)
            assert a.direct and a.quote_start >= s.start and a.quote_end <= s.end


def test_the_sbu_said_sentences_have_speaker_sbu():
    mapping = alias_map(seed_story())
    sbu = next(c for c in seed_story() if "SBU" in c.aliases).name
    article, ann = wp()
    hits = [s for s in ann.sentences if re.search(r"\b(the SBU|the service) said\b", s.text)]
    assert len(hits) >= 4
    for s in hits:
        assert lookup(mapping, ann.attributions[s.index].canonical) == sbu, s.text


def test_sentences_without_source_belong_to_outlet():
    article, ann = wp()
    s = next(s for s in ann.sentences if s.text.startswith("His lower bunk"))
    a = ann.attributions[s.index]
    assert a.speaker == article.outlet and not a.explicit


# --------------------------------------------------------------------------- reporting verbs in the progressive

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
