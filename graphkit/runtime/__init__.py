"""What a build runs on: the spaCy model it finds (:mod:`~graphkit.runtime.models`), the
per-document cache (:mod:`~graphkit.runtime.cache`), time limits (:mod:`~graphkit.runtime.limits`)
and atomic file output (:mod:`~graphkit.runtime.io`)."""
