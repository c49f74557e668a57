"""Resolution across documents: parties (:mod:`.parties`), proceedings (:mod:`.proceedings`)
and disputes (:mod:`.disputes`), applied incrementally as each document is stored."""
