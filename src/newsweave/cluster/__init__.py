"""cluster stage: online clustering of the article stream into stories.

``StreamClusterer.assign(article, annotations=None) -> StoryAssignment`` (or ``stream.assign(state, ...)``);
``service.assign_stories(store, article_ids, settings)`` and ``service.recluster(store, settings)`` persist.
"""
