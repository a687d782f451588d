from hypothesis import given
from hypothesis import strategies as st

from newsweave.models import Annotations, Entity, Quantity, TimeExpr
from newsweave.web.app import _hostname, json_url
from newsweave.web.data import annotated_parts, snippet_parts

spans = st.lists(st.tuples(st.integers(-3, 60), st.integers(-3, 60)), max_size=8)


@given(st.text(max_size=50), spans, spans)
def test_annotated_parts_rebuild_the_text(text, ents, times):
    ann = Annotations(article_id="a",
                      entities=tuple(Entity(start=a, end=b, text="x", label="PERSON") for a, b in ents),
                      times=tuple(TimeExpr(start=a, end=b, text="t", begin=None, until=None, granularity="day")
                                  for a, b in times),
                      quantities=(Quantity(start=0, end=2, text="q", low=1, high=None, qualifier="at_least"),))
    parts = annotated_parts(text, ann)
    assert "".join(p["text"] for p in parts) == text


def test_snippet_parts():
    assert snippet_parts("a \x02b\x03 c") == [{"text": "a ", "mark": False}, {"text": "b", "mark": True},
                                              {"text": " c", "mark": False}]


def test_json_url_and_hostname():
    assert json_url("/") == "/index.json"
    assert json_url("/story/x") == "/story/x.json"
    assert json_url("/search", "q=a+b") == "/search.json?q=a+b"
    assert json_url("/story/x.json") == "/story/x.json"
    assert _hostname("127.0.0.1:8000") == "127.0.0.1" and _hostname("[::1]:80") == "[::1]"
    assert _hostname("localhost") == "localhost" and _hostname("evil.com:80") == "evil.com"
