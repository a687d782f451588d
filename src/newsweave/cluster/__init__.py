"""cluster stage: online clustering of the article stream into stories.

``StreamClusterer.assign(article, annotations=None) -> StoryAssignment`` (or ``stream.assign(state, ...)``);
``newsweave.stories.assign_stories(store, article_ids, settings)`` and ``newsweave.stories.recluster(store,
settings)`` persist; ``stream.py`` maps the modules of this package.
"""
