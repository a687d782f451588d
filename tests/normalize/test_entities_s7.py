"""Clock times and time zones that the tagger labels as organisations are no names."""
import pytest

from newsweave.normalize.entities import extract_entities


@pytest.mark.parametrize("text", ["Police were alerted to a fire on the roof at 8.49pm this evening.",
                                  "The blaze broke out on the roof at about 2045 GMT on Friday."])
def test_clock_times_are_no_entities(text):
    names = {e.text for e in extract_entities(text)}
    assert not names & {"8.49pm", "GMT", "2045 GMT"}


def test_names_with_digits_stay():
    from newsweave.normalize.entities import _keep

    assert _keep("20th Century Fox", "ORG") and _keep("7-Eleven", "ORG") and _keep("Channel 4", "ORG")
    assert not _keep("8.49pm", "ORG") and not _keep("10:30 a.m.", "ORG") and not _keep("GMT", "ORG")
