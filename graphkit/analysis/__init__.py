"""The analysis stage: functions over a built graph. pandas tables
(:mod:`~graphkit.analysis.frames`), subgraphs and merges (:mod:`~graphkit.analysis.ops`),
SPARQL (:mod:`~graphkit.analysis.query`), SHACL validation
(:mod:`~graphkit.analysis.validate`), event data and plots (:mod:`~graphkit.analysis.events`,
:mod:`~graphkit.analysis.plots`) and scores against a gold annotation
(:mod:`~graphkit.analysis.evaluate`)."""
