"""The assemble stage: extractions into one graph. One node per actor across documents
(:mod:`~graphkit.assemble.resolve`), event-data codes on actors (:mod:`~graphkit.assemble.codes`),
weights on events (:mod:`~graphkit.assemble.weights`) and what the exporters need from the
ontology (:mod:`~graphkit.assemble.identity`); the graph model itself is :mod:`graphkit.graph`."""
