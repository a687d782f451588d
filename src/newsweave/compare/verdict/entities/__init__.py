"""Entity conflicts: a different name in the same role (who did it, to whom, where), once aliases, spellings,
acronyms, given names and places that contain each other are matched; speakers, datelines and wire credits are
not content.

Modules, from the rule down:

- ``rule``: ``entity_conflicts``, the steps that pair the names of two claims, in order;
- ``mentions``: the names one claim gives (tagged, capitalised, proper nouns; cut against the other claim's);
- ``unshared``: which names one side gives and the other does not;
- ``pairing``: pairing names by where they stand in the two wordings (replaced, untagged, lone swaps);
- ``grammar``: pairing names by the grammatical role they play (role swaps, moved names);
- ``speakers``: who says it, who heard it, who speaks for an organisation;
- ``matching``: when two names are one entity; ``names_related`` by their embeddings;
- ``kinds``: kinds of names told by their words (posts, groups, organisations, calendar words, US states);
- ``vectors``: name embeddings (``names_embedded_by`` sets the embedder);
- ``wordslots``: the words two wordings share in order, around a name;
- ``given_names``: a titled given name and a surname may be one person.
"""
from .matching import names_related
from .rule import entity_conflicts
from .vectors import names_embedded_by

__all__ = ["entity_conflicts", "names_embedded_by", "names_related"]
