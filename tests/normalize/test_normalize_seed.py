from hypothesis import HealthCheck, given, settings, strategies as st

from newsweave.models import Annotations, Article
from newsweave.normalize import normalize, normalize_many, reference_time

from .helpers import seed_annotations, seed_articles, seed_story, up, wp

GROUPS = [
    {"Zelenskyy", "Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelensky"},
    {"SSU", "SBU", "Security Service of Ukraine"},
    {"Kursk Oblast", "Kursk region"},
    {"South Korean intelligence", "South Korea's National Intelligence Service"},
]
APART = [("North Korea", "South Korean intelligence"), ("North Korean military", "South Korean intelligence"), ("Kyiv", "Kursk"), ("Ukraine", "Russia"), ("Kyiv", "Moscow"),
         ("Ukraine", "Security Service of Ukraine"), ("North Korea", "Pyongyang"), ("Russia", "Moscow"),
         ("South Korean intelligence", "SBU"), ("Volodymyr Zelensky", "Oleh"), ("Kursk", "Sudzha"),
         ("Ukraine", "Ukrainian special forces"), ("Russia", "Republic of Tuva")]


def group(name):
    for c in seed_story():
        if name in c.aliases:
            return c
    raise AssertionError(f"{name!r} is not an alias of any canonical entity")


def test_four_alias_groups_merged_with_reasons():
    for names in GROUPS:
        found = {id(group(n)) for n in names}
        assert len(found) == 1, names
        assert group(next(iter(names))).reasons


def test_nothing_unrelated_merged():
    for a, b in APART:
        assert group(a) is not group(b), (a, b)
    assert group("Ukraine's internal security service") is group("SBU")
    assert group("North Korean") is group("North Korea")


def test_annotations_anchored_in_text():
    for article, ann in zip(seed_articles(), seed_annotations()):
        assert ann.article_id == article.id
        assert [a.sentence for a in ann.attributions] == [s.index for s in ann.sentences]
        for record in (*ann.entities, *ann.times, *ann.quantities, *ann.ages):
            assert article.text[record.start:record.end] == record.text
        for a in ann.attributions:
            if a.quote_start >= 0:
                assert 0 <= a.quote_start < a.quote_end <= len(article.text)


def test_reference_time_and_negation_on_seed():
    article, ann = up()
    assert ann.reference_time == "2025-01-11T15:00:00+02:00"
    assert any(s.negated and "do not speak" in s.text for s in ann.sentences)
    assert any("reported" in s.modality and s.text.startswith("Early reports") for s in ann.sentences)
    assert any("claimed" in s.modality for s in ann.sentences)
    article, ann = wp()
    assert ann.reference_time.startswith("2025-01-11")
    assert ann.sentences[0].is_headline


def test_times_layer_is_called():
    try:
        import newsweave.normalize.times  # noqa: F401
    except ImportError:
        return
    article, ann = wp()
    assert any(t.text == "Saturday" for t in ann.times)


def test_round_trip_and_determinism():
    article, ann = wp()
    assert Annotations.from_dict(ann.to_dict()) == ann
    assert normalize(article) == ann


def test_no_date_and_empty_article():
    article = Article(id="x", outlet="O", title="", text="", published=None)
    ann = normalize(article)
    assert ann.sentences == () and ann.reference_time is None
    assert reference_time(Article(id="y", outlet="O", title="", text="", published="not a date")) is None


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
FRAGMENTS = st.sampled_from(['“', '”', '"', "Source: ", "Quote: ", "\n", "\n\n", " he said", ", the SBU said. ",
                             "Zelensky", "KYIV — ", "Jan. 10", "U.S.", "Kursk region", "according to ", "No. 84",
                             "’s ", "at least 11,000 ", "on Saturday ", "was 19", "Details: "])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TEXT, FRAGMENTS), max_size=12), st.sampled_from([None, "2025-01-11", "junk"]))
def test_no_text_crashes_and_spans_stay_in_text(parts, published):
    text = "".join(parts)
    article = Article(id="h", outlet="Outlet", title=text.split("\n", 1)[0], text=text, published=published)
    [ann] = normalize_many([article])
    for s in ann.sentences:
        assert text[s.start:s.end] == s.text
    for record in (*ann.entities, *ann.times, *ann.quantities, *ann.ages):
        assert 0 <= record.start <= record.end <= len(text) and text[record.start:record.end] == record.text
    for a in ann.attributions:
        assert 0 <= a.sentence < len(ann.sentences)
        assert a.quote_start == -1 or 0 <= a.quote_start <= a.quote_end <= len(text)
